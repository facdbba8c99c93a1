/// Copies of strings and arrays with no unused room. Text built by appending keeps up to as much
/// room again unused, and what a page keeps from load to the end of a build (its excerpt, its
/// links, its link URLs) is kept 10,000 times over.
enum ExactStorage {
    /// `text` in storage of exactly its length (a small string stays inline).
    static func string<S: StringProtocol>(_ text: S) -> String {
        let count = text.utf8.count
        guard count > 15 else { return String(text) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            // Copied at once from contiguous bytes (a native string or substring): element by
            // element through the generic view it cost some 25 instructions a byte.
            if let copied = text.utf8.withContiguousStorageIfAvailable({ buffer.initialize(fromContentsOf: $0) }) {
                return copied
            }
            _ = buffer.initialize(from: text.utf8)
            return count
        }
    }

    /// `array` in storage of exactly its count.
    static func array<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity > array.count else { return array }
        return Array(unsafeUninitializedCapacity: array.count) { buffer, count in
            _ = buffer.initialize(from: array)
            count = array.count
        }
    }
}
