/// A token as byte offsets into the code: what lexers produce before rendering.
struct RawToken: Sendable, Equatable {
    var kind: TokenKind
    var start: Int
    var end: Int
}
