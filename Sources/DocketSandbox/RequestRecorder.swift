import Foundation
import NIOConcurrencyHelpers

/// Appends requests to the log, one JSON object per line.
final class RequestRecorder: Sendable {
    let path: String
    private let lock = NIOLock()

    init(path: String) {
        self.path = path
    }

    /// The next request's place in the order of arrival.
    private let next = NIOLockedValueBox(0)

    func record(_ request: RecordedRequest) {
        lock.withLock {
            var request = request
            request.sequence = next.withLockedValue { value in
                defer { value += 1 }
                return value
            }
            guard var data = try? JSONEncoder().encode(request) else { return }
            data.append(0x0A)
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(data)
                try? handle.close()
            } else {
                _ = FileManager.default.createFile(atPath: path, contents: data)
            }
        }
    }
}
