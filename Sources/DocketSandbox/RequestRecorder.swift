import Foundation
import NIOConcurrencyHelpers

/// Appends requests to the log, one JSON object per line.
final class RequestRecorder: Sendable {
    let path: String
    private let lock = NIOLock()

    init(path: String) {
        self.path = path
    }

    func record(_ request: RecordedRequest) {
        guard var data = try? JSONEncoder().encode(request) else { return }
        data.append(0x0A)
        lock.withLock {
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
