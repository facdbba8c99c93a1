import Foundation
import Synchronization

/// Reads a pipe to its end on a thread of its own, so the writer never blocks on a full pipe,
/// keeping at most `limit` bytes (the rest is read and dropped).
final class PipeDrain: Sendable {
    private let data = Mutex(Data())
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle, limit: Int = 4 << 20) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                data.withLock { data in
                    if data.count < limit { data.append(chunk.prefix(limit - data.count)) }
                }
            }
            done.signal()
        }
    }

    /// Waits for the end of the pipe (every writer closed it) and returns what was read.
    func finish() -> Data {
        done.wait()
        return data.withLock { $0 }
    }
}
