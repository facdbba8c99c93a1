import DocketSandbox
import Foundation

/// What a run left in the trees docket compares for idempotence (home, working tree, the
/// fixture's `root/` overlay), read without following links (`SandboxFileTree`, `SandboxFile`):
/// each file's bytes and mode, each link's target, each folder.
struct IdempotenceSnapshot: Sendable {
    /// One thing in a tree, as compared between the runs.
    enum Item: Sendable, Equatable {
        case file(Data, mode: Int)
        case link(String)
        case folder
        /// Too large or unreadable: compared by size only.
        case unread(size: Int)
    }

    /// Keyed by the path as the run saw it: `~/a/b`, `/srv/work/c`, `/etc/d`.
    var items: [String: Item] = [:]
    /// Seconds since 1970 of each file's last change, to tell which step wrote it (the kernel's
    /// coarse clock, up to a tick behind the runtime's step events: `FileTimeClock`).
    var modified: [String: Double] = [:]
    /// True when a tree had more entries than are listed.
    var truncated = false

    /// Reads the trees of a finished run: no process of the sandbox is alive any more, so the
    /// listing's folders are still folders when their files are read.
    init(_ result: SandboxResult) {
        var trees: [(URL, String)] = [(result.home, "~/"), (result.work, Sandbox.work + "/")]
        if let system = result.system { trees.append((system, "/")) }
        for (root, shown) in trees {
            guard let tree = try? SandboxFileTree.list(beneath: root) else { continue }
            truncated = truncated || tree.truncated
            for entry in tree.entries {
                let path = shown + entry.path
                switch entry.kind {
                case .directory: items[path] = .folder
                case .symbolicLink: items[path] = .link(entry.linkTarget ?? "")
                case .file:
                    if let read = try? SandboxFile.read(entry.path, beneath: root) {
                        items[path] = .file(read.contents, mode: read.mode & 0o7777)
                    } else {
                        items[path] = .unread(size: entry.size)
                    }
                    var info = stat()
                    if lstat(root.appendingPathComponent(entry.path).path, &info) == 0 {
                        modified[path] = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
                    }
                default: continue
                }
            }
        }
    }

    /// One difference between two snapshots.
    struct Change: Sendable, Equatable {
        var path: String
        var before: Item?
        var after: Item?
    }

    /// What differs from `earlier`, path by path, sorted.
    func changes(since earlier: IdempotenceSnapshot) -> [Change] {
        Set(items.keys).union(earlier.items.keys).sorted().compactMap { path in
            let before = earlier.items[path], after = items[path]
            return before == after ? nil : Change(path: path, before: before, after: after)
        }
    }
}
