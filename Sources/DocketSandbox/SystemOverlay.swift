import Foundation

/// A fixture's `root/` tree: system paths (`/etc/caddy`) that the sandbox shows writable over its
/// read-only system, so that a guide editing files of `/etc` runs as written.
///
/// The tree is walked from its top-level folders down through the folders the system has too:
/// the first path the system lacks, or a file, is a mount point, bound writable at the same path
/// (`root/etc/caddy/Caddyfile` with no `/etc/caddy` on the system: `/etc/caddy`;
/// `root/etc/apt/sources.list.d/x.list`: that file). Whatever the run writes there lands in the
/// sandbox's copy of the tree, where `docket check` reads it afterwards. A system folder that
/// gains an entry it lacks is rebuilt in the sandbox: an empty read-only folder holding the
/// system's own entries, bound read-only one by one, plus the overlay's writable ones.
public enum SystemOverlay {
    /// Top-level folders the sandbox makes itself (or that hold its own files): never overlaid.
    public static let reservedTopLevel: Set<String> = ["dev", "proc", "sys", "tmp", "run", "root", "home", "srv"]
    /// Paths the sandbox binds itself.
    public static let reservedPaths: Set<String> = ["etc/hosts"]

    /// One overlaid path, relative to `/`: `etc/caddy`.
    public struct MountPoint: Sendable, Equatable {
        public var path: String
        public var isDirectory: Bool
        /// The folder it lies in (`etc`).
        public var parent: String { (path as NSString).deletingLastPathComponent }
    }

    /// Why a `root/` tree cannot be overlaid, said of its path in the tree (`root/data`).
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "root/\(path): \(message)" }
    }

    /// The mount points of a `root/` tree (already vetted: folders and regular files only),
    /// sorted, and the problems that make parts of it unusable (none: it can be overlaid).
    /// `system` is where the real system's folders are looked up (`/`; a test may give another).
    public static func mountPoints(of tree: URL, system: String = "/") -> (points: [MountPoint], problems: [Problem]) {
        var points: [MountPoint] = [], problems: [Problem] = []
        for name in entries(tree.path) {
            // A link would be followed by the bind: never one, wherever it points.
            if isLink(tree.appendingPathComponent(name).path) {
                problems.append(Problem(path: name, message: "a symbolic link: root/ holds files and folders only"))
                continue
            }
            guard isDirectory(tree.appendingPathComponent(name).path) else {
                problems.append(
                    Problem(
                        path: name,
                        message: "a file at the top of root/ would replace /\(name); put files in a folder (root/etc/…)"
                    ))
                continue
            }
            if reservedTopLevel.contains(name) {
                problems.append(
                    Problem(
                        path: name,
                        message:
                            "/\(name) is the sandbox's own (\(reservedTopLevel.sorted().map { "/" + $0 }.joined(separator: ", ")) cannot be overlaid; home/ and work/ fill the home and working tree)"
                    ))
                continue
            }
            let host = (system as NSString).appendingPathComponent(name)
            guard isDirectory(host), !isLink(host) else {
                problems.append(
                    Problem(
                        path: name,
                        message:
                            "the system has no folder /\(name); only paths inside existing top-level folders (/etc, /opt, /usr, /var, …) can be overlaid"
                    ))
                continue
            }
            walk(name, tree: tree, system: system, points: &points, problems: &problems)
        }
        return (points.sorted { $0.path < $1.path }, problems)
    }

    /// The entries of the folder `path` of the tree: a mount point each, or walked into when it
    /// is a folder the system has too.
    private static func walk(
        _ path: String, tree: URL, system: String, points: inout [MountPoint], problems: inout [Problem]
    ) {
        for entry in entries(tree.appendingPathComponent(path).path) {
            let child = path + "/" + entry
            if reservedPaths.contains(child) {
                problems.append(
                    Problem(
                        path: child,
                        message:
                            "/\(child) is written by the sandbox itself (the fixture's host names) and cannot be overlaid"
                    ))
                continue
            }
            if isLink(tree.appendingPathComponent(child).path) {
                problems.append(Problem(path: child, message: "a symbolic link: root/ holds files and folders only"))
                continue
            }
            let mine = isDirectory(tree.appendingPathComponent(child).path)
            let host = (system as NSString).appendingPathComponent(child)
            if mine && isDirectory(host) && !isLink(host) {
                walk(child, tree: tree, system: system, points: &points, problems: &problems)
            } else {
                points.append(MountPoint(path: child, isDirectory: mine))
            }
        }
    }

    /// Whether an absolute sandbox path lies inside one of the mount points (`/etc/caddy/Caddyfile`
    /// inside `etc/caddy`), or is a file mount point itself.
    public static func contains(_ path: String, in points: [MountPoint]) -> Bool {
        let relative = path.drop { $0 == "/" }
        return points.contains { relative == $0.path[...] || ($0.isDirectory && relative.hasPrefix($0.path + "/")) }
    }

    /// bwrap arguments that lay the overlay copy (`copy`, the sandbox's copy of `root/`) over the
    /// read-only system, and those that make rebuilt folders read-only again once everything
    /// else is bound in them (`/etc/hosts` among it): put `setup` right after the system's bind
    /// and `finish` after the last bind.
    static func bubblewrapArguments(copy: URL, points: [MountPoint], tmpfsBytes: Int, system: String = "/") -> (
        setup: [String], finish: [String]
    ) {
        var setup: [String] = [], finish: [String] = []
        let byParent = Dictionary(grouping: points, by: \.parent)
        // Parents before children: a folder rebuilt inside a rebuilt folder is made after it.
        for parent in byParent.keys.sorted() {
            let mine = byParent[parent]!
            let names = Set(mine.map { ($0.path as NSString).lastPathComponent })
            let hostFolder = (system as NSString).appendingPathComponent(parent)
            // Bound straight over the system's entry when it has one of the same kind (not a
            // link, which a bind would follow); else the folder is rebuilt with the new entry.
            let direct = mine.allSatisfy { point in
                let host = (system as NSString).appendingPathComponent(point.path)
                return !isLink(host) && exists(host) && isDirectory(host) == point.isDirectory
            }
            if !direct {
                setup += ["--size", String(tmpfsBytes), "--perms", "0755", "--tmpfs", "/" + parent]
                for entry in entries(hostFolder)
                where !names.contains(entry) && !reservedPaths.contains(parent + "/" + entry) {
                    let host = (hostFolder as NSString).appendingPathComponent(entry)
                    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: host) {
                        setup += ["--symlink", target, "/\(parent)/\(entry)"]
                    } else {
                        setup += ["--ro-bind-try", host, "/\(parent)/\(entry)"]
                    }
                }
                finish += ["--remount-ro", "/" + parent]
            }
            for point in mine {
                setup += ["--bind", copy.appendingPathComponent(point.path).path, "/" + point.path]
            }
        }
        return (setup, finish)
    }

    private static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
