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

    /// The `<span>` opening tag, precomputed so rendering never builds it per token.
    var openTag: [UInt8] { Array("<span class=\"tok-\(rawValue)\">".utf8) }
}
