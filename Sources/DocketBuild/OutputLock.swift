import Foundation

/// Serialises builds into one output folder: an exclusive `flock` on a lock file beside it.
/// A second build fails at once instead of waiting, and the kernel drops the lock when its
/// holder dies (even by `kill -9`), so a crashed build never blocks the next one.
final class OutputLock: @unchecked Sendable {
    private var fd: Int32
    let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    /// Takes the lock at `path`, or throws when another process holds it.
    static func acquire(_ path: String, for display: String) throws(OutputWriteError) -> OutputLock {
        // The file is removed on release; a build that opened it just before that must not
        // believe it holds the lock of a file that no longer exists, so it checks the file it
        // locked is still the one at the path, and tries again otherwise.
        for _ in 0..<20 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw OutputWriteError(action: "create the lock file", path: path, code: errno) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                close(fd)
                if code == EWOULDBLOCK {
                    throw OutputWriteError(
                        message: "another docket build is writing '\(display)' right now (it holds the lock \(path)); "
                            + "run one build at a time into one folder")
                }
                throw OutputWriteError(action: "lock", path: path, code: code)
            }
            var opened = stat(), current = stat()
            if fstat(fd, &opened) == 0, stat(path, &current) == 0, opened.st_ino == current.st_ino,
                opened.st_dev == current.st_dev
            {
                return OutputLock(fd: fd, path: path)
            }
            close(fd)
        }
        throw OutputWriteError(message: "could not take the lock \(path): it keeps being replaced by another process")
    }

    /// Removes the lock file and lets the next build in.
    func release() {
        guard fd >= 0 else { return }
        unlink(path)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
