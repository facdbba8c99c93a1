import Foundation
import Synchronization

/// A value computed on a thread of its own while the caller does other work: the site-wide
/// files of a build (search index, sidebar data) are made while the pages render, so their
/// serial parts use the core the page renderer leaves idle at times, instead of running alone
/// after it.
final class BackgroundWork<T: Sendable>: Sendable {
    private let result = Mutex<T?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` now.
    init(_ work: @escaping @Sendable () -> T) {
        Thread.detachNewThread { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// The value, once `work` has returned (waits until then). Call it once.
    func wait() -> T {
        done.wait()
        return result.withLock { $0.take()! }
    }
}
