import Foundation

/// A file of the control folder as the harness reads it after a run. The run could have put
/// anything there: the file is opened with O_NOFOLLOW and must be a regular file (a symlink, a
/// FIFO or a device is reported, never read through), and at most `limit` bytes are read.
struct ControlFile {
    enum Problem: Equatable {
        case symlink
        case notRegular
    }

    /// What was read (empty when missing or refused).
    var data = Data()
    /// The file's size as found (more than `data.count` when it was cut).
    var size = 0
    var missing = false
    /// The limit it was read with.
    var limit = 0
    var problem: Problem?

    /// `keepTail`: past the limit keep the first and the last halves (a log's end tells why it
    /// stopped) instead of the first `limit` bytes.
    static func read(_ url: URL, limit: Int, keepTail: Bool = false) -> ControlFile {
        var file = ControlFile()
        file.limit = limit
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            if errno == ELOOP { file.problem = .symlink } else { file.missing = true }
            return file
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            file.problem = .notRegular
            return file
        }
        file.size = Int(info.st_size)
        if keepTail && file.size > limit {
            let half = limit / 2
            file.data = readUpTo(fd, half)
            lseek(fd, off_t(file.size - half), SEEK_SET)
            file.data.append(
                Data("\n… docket: \(file.size - 2 * half) bytes of output dropped here (limit \(limit) bytes) …\n".utf8)
            )
            file.data.append(readUpTo(fd, half))
        } else {
            file.data = readUpTo(fd, limit)
        }
        return file
    }

    var text: String { String(decoding: data, as: UTF8.self) }
    var cut: Bool { size > limit }

    private static func readUpTo(_ fd: Int32, _ count: Int) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while data.count < count {
            let n = Glibc.read(fd, &buffer, min(buffer.count, count - data.count))
            if n <= 0 { break }
            data.append(buffer, count: n)
        }
        return data
    }
}
