import Foundation

/// Tells which files changed under the site's folders, from Linux inotify events: no polling,
/// and the rebuild learns exactly which files to read again.
///
/// Folders are watched recursively (a folder created later is watched from then on); a plain
/// file (docket.yml) is watched through its parent folder. Editor droppings (hidden files,
/// `~` backups, vim's `4913` probe and swap files) are not changes. Used by one thread at a time.
public final class SourceWatcher: @unchecked Sendable {
    /// inotify is missing or its limits are reached.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let fd: Int32
    private var folders: [Int32: String] = [:]
    private var files: Set<String> = []
    private let roots: [String]

    public init(roots: [URL]) throws(Failure) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else {
            throw Failure(
                description: "cannot watch the site's files: inotify_init1: \(String(cString: strerror(errno)))")
        }
        self.roots = roots.map { $0.standardizedFileURL.path }
        for root in self.roots {
            var info = stat()
            if stat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                watchTree(root)
            } else {
                // A file, or a folder that does not exist yet: watch the parent for it.
                files.insert(root)
                watchFolder((root as NSString).deletingLastPathComponent)
            }
        }
    }

    deinit { close(fd) }

    /// The roots this watcher was made for.
    public var watchedRoots: [String] { roots }

    private static let mask = UInt32(
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ATTRIB)

    private func watchFolder(_ path: String) {
        let wd = inotify_add_watch(fd, path, Self.mask | UInt32(IN_ONLYDIR))
        if wd >= 0 { folders[wd] = path }
    }

    private func watchTree(_ path: String) {
        watchFolder(path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            let child = path + "/" + name
            var info = stat()
            if lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { watchTree(child) }
        }
    }

    /// Waits for changes and returns the changed paths (absolute) once they settle: events
    /// keep being collected while more arrive within `settle` seconds (a save that writes
    /// several files is one change), for at most `limit` seconds. With `wait`, gives up and
    /// returns nothing when no change came within that many seconds.
    public func next(settle: Double = 0.004, limit: Double = 0.2, wait: Double? = nil) -> Set<String> {
        var changed = Set<String>()
        var started: Date?
        let called = Date()
        while true {
            let timeout: Int32
            if let started {
                let left = limit - Date().timeIntervalSince(started)
                if left <= 0 { return changed }
                timeout = Int32(max(1, min(settle, left) * 1000))
            } else if let wait {
                let left = wait - Date().timeIntervalSince(called)
                if left <= 0 { return changed }
                timeout = Int32(max(1, left * 1000))
            } else {
                timeout = -1
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 {
                if !changed.isEmpty { return changed }
                started = nil
                continue
            }
            read(into: &changed)
            if started == nil && !changed.isEmpty { started = Date() }
        }
    }

    private func read(into changed: inout Set<String>) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return }
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            offset += header + length
            let name = String(decoding: nameBytes, as: UTF8.self)
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: report the roots, which makes the rebuild look at everything.
                changed.formUnion(roots)
                continue
            }
            guard let folder = folders[wd] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 || mask & UInt32(IN_DELETE_SELF) != 0 {
                folders[wd] = nil
                continue
            }
            let path = name.isEmpty ? folder : folder + "/" + name
            // Inside a watched file's parent only that file counts.
            if !roots.contains(where: { isInside(path, $0) }) { continue }
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
                changed.insert(path)
                continue
            }
            if Self.isNoise(name) { continue }
            changed.insert(path)
        }
    }

    private func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root + "/")
    }

    /// Files editors write next to the one being saved.
    static func isNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasPrefix("#")
    }
}
