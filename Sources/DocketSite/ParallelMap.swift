import Foundation

extension Array where Element: Sendable {
    /// Maps on every core. Pages are independent, so the per-page stages run this way; results
    /// keep the input order, so output stays deterministic.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        let input = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots[index] = transform(input[index])
        }
        return results.map { $0! }
    }
}
