/// Measures a custom match at an offset: the length matched, 0 for no match.
typealias Matcher = @Sendable (Input, Int) -> Int

/// What a rule matches at the current offset. The cases are the primitives the grammars share;
/// `custom` is the escape hatch for the few shapes that need a hand-written scanner.
enum Pattern: Sendable {
    /// These exact bytes.
    case literal([UInt8])
    /// A whole identifier (the grammar's identifier bytes) that is one of the words.
    case words(WordSet)
    /// Any whole identifier.
    case identifier
    /// An identifier directly followed (after optional spaces) by `(`; the match is the name.
    case call
    /// An identifier starting with an ASCII capital.
    case capitalized
    /// A numeric literal: decimal, `0x`/`0o`/`0b`, `_` separators, fraction, exponent, suffix.
    case number
    /// The prefix and the rest of its line (the newline excluded).
    case toLineEnd([UInt8])
    /// From `open` to `close`; `escape` skips the byte after a backslash; a single-line one
    /// ends unterminated at the newline, a multi-line one at the end of the code.
    case delimited(open: [UInt8], close: [UInt8], escape: Bool, multiline: Bool)
    /// One or more bytes of the set.
    case run(ByteSet)
    /// The pattern, only at the start of a line.
    indirect case atLineStart(Pattern)
    /// The pattern, only when nothing but indentation precedes it on its line.
    indirect case afterIndent(Pattern)
    /// A hand-written scanner; the set lists the bytes a match can start with.
    case custom(ByteSet, Matcher)
    /// A shell heredoc operator (`<<EOF`, `<<-'EOF'`); its body is matched by `pendingBody`.
    case heredocStart
    /// A YAML block scalar indicator (`|`, `>-`); its indented lines are matched by `pendingBody`.
    case blockScalarStart
    /// At a line start, the body of a heredoc or block scalar announced on an earlier line.
    case pendingBody

    static func lit(_ text: String) -> Pattern { .literal(Array(text.utf8)) }

    /// A `[section]` heading of an INI or TOML file: from `[` to the last `]` of the line, with
    /// something between them.
    static let bracketedHeading: Pattern = .custom(
        ByteSet("["),
        { input, pos in
            let end = input.lineEnd(from: pos)
            var close = end
            while close > pos, input.bytes[close - 1] != UInt8(ascii: "]") { close -= 1 }
            return close > pos + 1 ? close - pos : 0
        })

    /// A string between the same quote bytes.
    static func quoted(_ quote: String, escape: Bool = true, multiline: Bool = false) -> Pattern {
        .delimited(open: Array(quote.utf8), close: Array(quote.utf8), escape: escape, multiline: multiline)
    }

    /// The bytes a match can start with, so the lexer skips rules that cannot match cheaply.
    func firstBytes(identifierStart: ByteSet) -> ByteSet {
        switch self {
        case .literal(let bytes), .toLineEnd(let bytes), .delimited(let bytes, _, _, _):
            var set = ByteSet()
            if let first = bytes.first { set.insert(first) }
            return set
        case .words, .identifier, .call: return identifierStart
        case .capitalized: return .upper
        case .number: return ByteSet("0123456789.")
        case .run(let set), .custom(let set, _): return set
        case .atLineStart(let inner), .afterIndent(let inner): return inner.firstBytes(identifierStart: identifierStart)
        case .heredocStart: return ByteSet("<")
        case .blockScalarStart: return ByteSet("|>")
        case .pendingBody: return .all
        }
    }
}
