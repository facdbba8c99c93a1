/// A set of words matched against the bytes of the code without building a `String` per
/// identifier: buckets by first byte and length, then a byte comparison.
struct WordSet: Sendable {
    private var buckets: [[[UInt8]]] = Array(repeating: [], count: 64)
    /// True for languages whose keywords ignore case (SQL, Dockerfile instructions).
    let caseInsensitive: Bool

    init(_ words: String, caseInsensitive: Bool = false) {
        self.caseInsensitive = caseInsensitive
        for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let bytes = Array((caseInsensitive ? word.lowercased() : String(word)).utf8)
            buckets[Self.bucket(first: bytes[0], count: bytes.count)].append(bytes)
        }
    }

    @inline(__always)
    private static func bucket(first: UInt8, count: Int) -> Int {
        (Int(first) &* 7 &+ count) & 63
    }

    @inline(__always)
    private func fold(_ byte: UInt8) -> UInt8 {
        caseInsensitive && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// True when `bytes[start..<end]` is one of the words.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let count = end - start
        guard count > 0 else { return false }
        for candidate in buckets[Self.bucket(first: fold(bytes[start]), count: count)] where candidate.count == count {
            var index = 0
            while index < count, candidate[index] == fold(bytes[start + index]) { index += 1 }
            if index == count { return true }
        }
        return false
    }
}
