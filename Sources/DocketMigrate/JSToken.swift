/// One token of a JavaScript or TypeScript config file, with where it starts.
struct JSToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case string(String)
        /// A template literal; `substituted` when it holds `${…}` (then its text is not data).
        case template(String, substituted: Bool)
        case number(Double)
        case punctuator(String)
        case regex
        case end
    }

    var kind: Kind
    var line: Int
    var column: Int
    /// Byte offsets of the token in the file, for quoting an expression in a warning.
    var start: Int
    var end: Int
    /// True when a line break separates it from the previous token (automatic semicolons).
    var newlineBefore: Bool

    func isPunctuator(_ p: String) -> Bool { kind == .punctuator(p) }
    func isIdentifier(_ name: String) -> Bool { kind == .identifier(name) }

    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }
}
