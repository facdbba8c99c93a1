import Foundation

/// Everything beneath a folder, listed without following symbolic links: links are listed as
/// links (with their target text), never entered. Used to look through the trees a run leaves
/// (for secrets it generated) and to vet fixture trees before they are copied into a sandbox.
public struct SandboxFileTree: Sendable {
    /// One thing in the tree.
    public struct Entry: Sendable, Equatable {
        /// Relative to the root, `/`-separated.
        public var path: String
        public var kind: SandboxFile.Kind
        /// What a symbolic link points at, as written in the link (not resolved).
        public var linkTarget: String?
        /// Bytes, for files.
        public var size: Int
    }

    public var entries: [Entry]
    /// True when the listing stopped at its limit of entries or depth.
    public var truncated = false

    /// Lists the tree beneath `root` (depth first, names sorted), up to `limit` entries and
    /// `maxDepth` folders deep, so a run that leaves a million files or a very deep tree cannot
    /// stall docket.
    public static func list(beneath root: URL, limit: Int = 50_000, maxDepth: Int = 64) throws(SandboxFileError)
        -> SandboxFileTree
    {
        let (fd, _) = try SandboxFile.openParent(of: "", beneath: root)
        var tree = SandboxFileTree(entries: [])
        tree.walk(fd, prefix: "", depth: 0, limit: limit, maxDepth: maxDepth)
        return tree
    }

    /// Lists the folder open at `fd` (and closes it).
    private mutating func walk(_ fd: Int32, prefix: String, depth: Int, limit: Int, maxDepth: Int) {
        guard let directory = fdopendir(fd) else {
            close(fd)
            return
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let item = readdir(directory) {
            let name = withUnsafePointer(to: &item.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        let folder = dirfd(directory)
        for name in names.sorted() {
            if entries.count >= limit {
                truncated = true
                return
            }
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let path = prefix + name
            let kind = SandboxFile.Kind(mode: info.st_mode)
            var entry = Entry(path: path, kind: kind, linkTarget: nil, size: kind == .file ? Int(info.st_size) : 0)
            if kind == .symbolicLink {
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let count = readlinkat(folder, name, &buffer, buffer.count - 1)
                if count >= 0 {
                    entry.linkTarget = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                }
            }
            entries.append(entry)
            guard kind == .directory else { continue }
            if depth + 1 >= maxDepth {
                truncated = true
                continue
            }
            let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 { walk(child, prefix: path + "/", depth: depth + 1, limit: limit, maxDepth: maxDepth) }
        }
    }
}
