/// Collects tokens in order, merging a token into the previous one when they touch and share a
/// kind, so runs of plain text or operators render as one span.
struct TokenSink {
    private(set) var tokens: [RawToken] = []

    init(capacity: Int = 0) { tokens.reserveCapacity(capacity) }

    @inline(__always)
    mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int) {
        guard end > start else { return }
        if let last = tokens.last, last.kind == kind, last.end == start {
            tokens[tokens.count - 1].end = end
        } else {
            tokens.append(RawToken(kind: kind, start: start, end: end))
        }
    }
}
