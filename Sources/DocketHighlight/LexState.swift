/// A lexer state: rules tried in order at each offset; text no rule matches takes `fallback`
/// (plain in code, `string` inside a string state).
struct LexState: Sendable {
    let fallback: TokenKind
    let rules: [Rule]

    init(_ fallback: TokenKind = .plain, _ rules: [Rule]) {
        self.fallback = fallback
        self.rules = rules
    }
}
