import Foundation

extension Array where Element: Sendable {
    /// Maps on every core. Pages are independent, so the per-page stages run this way; results
    /// keep the input order, so output stays deterministic.
    ///
    /// Each result is made in its place in the new array: gathered as optionals first, every
    /// result (a parsed page, a resolved page) was copied once more, its parts retained and
    /// released, after the work was done.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        return withUnsafeBufferPointer { input in
            nonisolated(unsafe) let elements = input
            return [T](unsafeUninitializedCapacity: input.count) { buffer, initialized in
                nonisolated(unsafe) let slots = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    (slots + index).initialize(to: transform(elements[index]))
                }
                initialized = elements.count
            }
        }
    }
}
