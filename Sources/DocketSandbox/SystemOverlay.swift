import Foundation

/// A fixture's `root/` tree: system paths (`/etc/caddy`) that the sandbox shows writable over its
/// read-only system, so that a guide editing files of `/etc` runs as written.
///
/// The unit mounted is an entry one level below a top-level system folder: `root/etc/caddy` is
/// bound writable at `/etc/caddy`, `root/opt/app` at `/opt/app`, `root/etc/environment` at
/// `/etc/environment`. Those entries are the mount points; whatever the run writes inside them
/// lands in the sandbox's copy of the tree, where `docket check` reads it afterwards. A top-level
/// folder that must gain an entry the system lacks (`/etc/caddy` on a machine without Caddy) is
/// rebuilt in the sandbox: an empty read-only folder holding the system's own entries, bound
/// read-only one by one, plus the overlay's writable ones.
public enum SystemOverlay {
    /// Top-level folders the sandbox makes itself (or that hold its own files): never overlaid.
    public static let reservedTopLevel: Set<String> = ["dev", "proc", "sys", "tmp", "run", "root", "home", "srv"]
    /// Paths the sandbox binds itself.
    public static let reservedPaths: Set<String> = ["etc/hosts"]

    /// One overlaid path, relative to `/`: `etc/caddy`.
    public struct MountPoint: Sendable, Equatable {
        public var path: String
        public var isDirectory: Bool
        /// The top-level system folder it lies in (`etc`).
        public var topLevel: String { String(path.split(separator: "/")[0]) }
    }

    /// Why a `root/` tree cannot be overlaid, said of its path in the tree (`root/data`).
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "root/\(path): \(message)" }
    }

    /// The mount points of a `root/` tree (already vetted: folders and regular files only),
    /// sorted, and the problems that make parts of it unusable (none: it can be overlaid). `system` is where the real system's
    /// folders are looked up (`/`; a test may give another).
    public static func mountPoints(of tree: URL, system: String = "/") -> (points: [MountPoint], problems: [Problem]) {
        let fm = FileManager.default
        var points: [MountPoint] = [], problems: [Problem] = []
        let top = ((try? fm.contentsOfDirectory(atPath: tree.path)) ?? []).sorted()
        for name in top {
            guard isDirectory(tree.appendingPathComponent(name).path) else {
                problems.append(Problem(path: name, message: "a file at the top of root/ would replace /\(name); put files in a folder (root/etc/…)"))
                continue
            }
            if reservedTopLevel.contains(name) {
                problems.append(Problem(path: name, message: "/\(name) is the sandbox's own (\(reservedTopLevel.sorted().map { "/" + $0 }.joined(separator: ", ")) cannot be overlaid; home/ and work/ fill the home and working tree)"))
                continue
            }
            let hostFolder = (system as NSString).appendingPathComponent(name)
            guard isDirectory(hostFolder), !isLink(hostFolder) else {
                problems.append(Problem(path: name, message: "the system has no folder /\(name); only entries of existing top-level folders (/etc, /opt, /usr, /var, …) can be overlaid"))
                continue
            }
            for entry in ((try? fm.contentsOfDirectory(atPath: tree.appendingPathComponent(name).path)) ?? []).sorted() {
                let path = name + "/" + entry
                if reservedPaths.contains(path) {
                    problems.append(Problem(path: path, message: "/\(path) is written by the sandbox itself (the fixture's host names) and cannot be overlaid"))
                    continue
                }
                points.append(MountPoint(path: path, isDirectory: isDirectory(tree.appendingPathComponent(path).path)))
            }
        }
        return (points, problems)
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
    static func bubblewrapArguments(copy: URL, points: [MountPoint], tmpfsBytes: Int, system: String = "/") -> (setup: [String], finish: [String]) {
        var setup: [String] = [], finish: [String] = []
        let byTop = Dictionary(grouping: points, by: \.topLevel)
        for top in byTop.keys.sorted() {
            let mine = byTop[top]!
            let names = Set(mine.map { String($0.path.split(separator: "/")[1]) })
            let hostFolder = (system as NSString).appendingPathComponent(top)
            // Bound straight over the system's entry when it has one of the same kind (not a
            // link, which a bind would follow); else the folder is rebuilt with the new entry.
            let direct = mine.allSatisfy { point in
                let host = (system as NSString).appendingPathComponent(point.path)
                return !isLink(host) && exists(host) && isDirectory(host) == point.isDirectory
            }
            if !direct {
                setup += ["--size", String(tmpfsBytes), "--perms", "0755", "--tmpfs", "/" + top]
                for entry in ((try? FileManager.default.contentsOfDirectory(atPath: hostFolder)) ?? []).sorted()
                where !names.contains(entry) && !reservedPaths.contains(top + "/" + entry) {
                    let host = (hostFolder as NSString).appendingPathComponent(entry)
                    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: host) {
                        setup += ["--symlink", target, "/\(top)/\(entry)"]
                    } else {
                        setup += ["--ro-bind-try", host, "/\(top)/\(entry)"]
                    }
                }
                finish += ["--remount-ro", "/" + top]
            }
            for point in mine {
                setup += ["--bind", copy.appendingPathComponent(point.path).path, "/" + point.path]
            }
        }
        return (setup, finish)
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
