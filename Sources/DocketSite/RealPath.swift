import Foundation

/// Paths as the kernel sees them, for comparing folders: symlinks and `..` resolved.
public enum RealPath {
    /// `path` (absolute) with every symlink resolved. A path that does not exist yet is its
    /// deepest existing ancestor, resolved, followed by the rest as written.
    public static func of(_ path: String) -> String {
        var rest: [String] = []
        var current = path.isEmpty ? "/" : path
        while true {
            if let resolved = realpath(current, nil) {
                defer { free(resolved) }
                var base = String(cString: resolved)
                for component in rest.reversed() {
                    base = base == "/" ? "/" + component : base + "/" + component
                }
                return base
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return path }
            rest.append((current as NSString).lastPathComponent)
            current = parent
        }
    }

    /// True when `path` is `folder` or lies somewhere below it (both real paths).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }
}
