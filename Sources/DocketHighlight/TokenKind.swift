/// The token classes every language maps to. The HTML carries them as `tok-<rawValue>` classes,
/// which the theme colours for light and dark; `plain` gets no span.
///
/// - `keyword`: reserved words and statements (`if`, `func`, `SELECT`, a Dockerfile `RUN`, a
///   Caddyfile or nginx directive).
/// - `builtin`: functions and commands the language provides (`len`, `echo`, `print`, `console`).
/// - `type`: type names (`String`, `int32`, capitalised identifiers in most languages).
/// - `function`: the name of a called or defined function; the command word of a shell line.
/// - `variable`: `$VAR`, `${x}`, YAML anchors, SQL parameters, Rust lifetimes, `self`.
/// - `property`: keys (YAML, JSON, TOML, INI) and members after a `.`.
/// - `constant`: `true`, `false`, `nil`, `null`, `None`, HTML entities.
/// - `number`: numeric literals, TOML dates, nginx sizes.
/// - `string`: string and character literals, heredoc bodies, YAML block scalars, inline code.
/// - `regex`: regular-expression literals.
/// - `comment`: comments.
/// - `meta`: annotations and directives outside the language proper: decorators, attributes,
///   `#!` lines, `<!DOCTYPE>`, diff hunk headers, Caddy matchers.
/// - `operator`, `punctuation`: symbols.
/// - `tag`, `attribute`: markup element and attribute names; a Caddyfile site address.
/// - `prompt`, `output`: a console session's prompt and the command's output.
/// - `inserted`, `deleted`: diff lines.
/// - `heading`: Markdown headings, INI and TOML sections, diff file headers.
/// - `link`, `emphasis`, `strong`: Markdown inline markup.
public enum TokenKind: String, CaseIterable, Sendable {
    case plain
    case keyword, builtin, type, function, variable, property, constant
    case number, string, regex, comment, meta
    case `operator`, punctuation
    case tag, attribute
    case prompt, output
    case inserted, deleted
    case heading, link, emphasis, strong

    /// The case's place in `allCases` (the order above), for tables indexed by kind: a
    /// dictionary from kind to place hashed the kind of every token of every code block.
    var ordinal: Int {
        switch self {
        case .plain: 0
        case .keyword: 1
        case .builtin: 2
        case .type: 3
        case .function: 4
        case .variable: 5
        case .property: 6
        case .constant: 7
        case .number: 8
        case .string: 9
        case .regex: 10
        case .comment: 11
        case .meta: 12
        case .operator: 13
        case .punctuation: 14
        case .tag: 15
        case .attribute: 16
        case .prompt: 17
        case .output: 18
        case .inserted: 19
        case .deleted: 20
        case .heading: 21
        case .link: 22
        case .emphasis: 23
        case .strong: 24
        }
    }

    /// The `<span>` opening tag, precomputed so rendering never builds it per token.
    var openTag: [UInt8] { Array("<span class=\"tok-\(rawValue)\">".utf8) }
}
