/// One row of a lexer state's table: when `pattern` matches, the text becomes a `kind` token
/// and `action` moves between states. A `plain` rule takes the state's fallback kind, so text
/// skipped quickly inside a string state stays a string.
///
/// A class, not a struct: the lexer tries rules at every offset, and taking a struct rule out of
/// its state's array copied its pattern (a retain and release of the pattern's arrays or closure
/// per try); a rule's immutable fields are read in place.
final class Rule: Sendable {
    /// How a rule moves the lexer between the states of its grammar.
    enum Action: Sendable {
        case stay
        case push(Int)
        case pop
        case switchTo(Int)
    }

    let pattern: Pattern
    let kind: TokenKind
    let action: Action

    init(_ pattern: Pattern, _ kind: TokenKind, _ action: Action = .stay) {
        self.pattern = pattern
        self.kind = kind
        self.action = action
    }
}
