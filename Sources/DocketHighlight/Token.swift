/// One token of highlighted code: its class and its text. Concatenating the texts of all the
/// tokens gives back the code exactly.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    public var kind: TokenKind
    public var text: String

    public init(kind: TokenKind, text: String) {
        self.kind = kind
        self.text = text
    }

    public var description: String { "\(kind.rawValue)(\(text.debugDescription))" }
}
