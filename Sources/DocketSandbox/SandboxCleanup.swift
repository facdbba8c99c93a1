import Foundation
import Synchronization

/// Removes a sandbox folder from the host once: unmounts its tmpfs when it has one (everything
/// in it goes at once, whatever the run made), else deletes the tree without following links.
final class SandboxCleanup: Sendable {
    let root: URL
    let mounted: Bool
    /// Whether the folder is gone; held while it goes, so a second caller returns only after.
    private let done = Mutex(false)

    init(root: URL, mounted: Bool) {
        self.root = root
        self.mounted = mounted
    }

    func discard() {
        done.withLock { done in
            guard !done else { return }
            done = true
            if mounted { HostTmpfs.unmount(root) }
            Self.removeTree(root)
        }
    }

    /// FileManager does not follow symbolic links when removing; folders the run made unreadable
    /// (mode 000) are opened up first.
    static func removeTree(_ url: URL) {
        let fm = FileManager.default
        if (try? fm.removeItem(at: url)) != nil || !fm.fileExists(atPath: url.path) { return }
        openUp(url.path)
        try? fm.removeItem(at: url)
    }

    private static func openUp(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        chmod(path, 0o700)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names { openUp(path + "/" + name) }
    }
}
