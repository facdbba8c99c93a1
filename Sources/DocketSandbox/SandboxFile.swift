import Foundation

/// A regular file read from beneath a folder without ever following a symbolic link.
///
/// The trees a sandboxed run leaves behind (its home and working tree) were written by the code
/// under test, which can plant a link to a host file where a fixture expects a file. Reading them
/// with ordinary path APIs would follow the link and put the host file into a report. Here every
/// component of a path is opened relative to the folder opened before it, with `O_NOFOLLOW`
/// (`O_DIRECTORY` for folders), starting from a descriptor of the root: no link, at any depth, is
/// followed, and a path can never climb out of the root because absolute paths and `..` are
/// refused before anything is opened. The same reader guards fixture folders, whose files are
/// copied into the sandbox.
public struct SandboxFile: Sendable {
    /// What a path names, seen without following links.
    public enum Kind: Sendable, Equatable, CustomStringConvertible {
        case file, directory, symbolicLink, namedPipe, socket, device

        public var description: String {
            switch self {
            case .file: return "a file"
            case .directory: return "a folder"
            case .symbolicLink: return "a symbolic link"
            case .namedPipe: return "a named pipe"
            case .socket: return "a socket"
            case .device: return "a device"
            }
        }

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .file
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .symbolicLink
            case S_IFIFO: self = .namedPipe
            case S_IFSOCK: self = .socket
            default: self = .device
            }
        }
    }

    /// The path relative to the root, as given.
    public var path: String
    public var contents: Data
    /// Permission bits (`0o600`), with set-id and sticky bits.
    public var mode: Int

    /// The contents as text (invalid UTF-8 replaced).
    public var text: String { String(decoding: contents, as: UTF8.self) }

    /// The largest file read unless a caller says otherwise: far above any configuration file a
    /// runbook writes, far below what would hurt docket's memory.
    public static let defaultLimit = 8 << 20

    /// Reads the regular file at `path` (relative, `/`-separated) beneath `root`.
    public static func read(_ path: String, beneath root: URL, limit: Int = defaultLimit) throws(SandboxFileError)
        -> SandboxFile
    {
        let (parent, name) = try openParent(of: path, beneath: root)
        defer { close(parent) }
        guard let name else { throw .notAFile(path: path, kind: .directory) }
        // O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused just below).
        let fd = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        if fd < 0 { throw classify(errno, parent: parent, name: name, shown: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        let kind = Kind(mode: info.st_mode)
        guard kind == .file else { throw .notAFile(path: path, kind: kind) }
        if Int(info.st_size) > limit { throw .tooLarge(path: path, limit: limit) }
        // The size is checked again while reading: the file may grow after fstat.
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit { throw .tooLarge(path: path, limit: limit) }
        }
        return SandboxFile(path: path, contents: data, mode: Int(info.st_mode & 0o7777))
    }

    /// What `path` beneath `root` is, without following links; nil when it (or one of its
    /// folders) does not exist. A link among its folders is an error: what lies behind it is
    /// not the tree's.
    public static func kind(of path: String, beneath root: URL) throws(SandboxFileError) -> Kind? {
        let parent: Int32, name: String?
        do {
            (parent, name) = try openParent(of: path, beneath: root)
        } catch {
            if case .missing = error { return nil }
            throw error
        }
        defer { close(parent) }
        guard let name else { return .directory }
        var info = stat()
        if fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) != 0 {
            if errno == ENOENT { return nil }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        return Kind(mode: info.st_mode)
    }

    /// The components of a relative path; `.` and empty ones dropped, absolute paths and `..`
    /// refused.
    static func components(of path: String) throws(SandboxFileError) -> [String] {
        if path.hasPrefix("/") { throw .escapes(path: path) }
        let parts = path.split(separator: "/").map(String.init).filter { $0 != "." }
        if parts.contains("..") { throw .escapes(path: path) }
        return parts
    }

    /// Opens the folder holding `path`'s last component, one component at a time, never through
    /// a link. Returns its descriptor (the caller closes it) and the last component (nil when
    /// the path names the root itself).
    static func openParent(of path: String, beneath root: URL) throws(SandboxFileError) -> (Int32, String?) {
        let parts = try components(of: path)
        // The root itself is docket's own folder (a sandbox tree it created, a fixture folder it
        // was pointed at): it may be reached through links; nothing below it is.
        var fd = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 {
            throw errno == ENOENT ? .missing(at: ".") : .unreadable(path: ".", reason: String(cString: strerror(errno)))
        }
        guard let last = parts.last else { return (fd, nil) }
        for (index, part) in parts.dropLast().enumerated() {
            let next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 {
                let error = classify(
                    errno, parent: fd, name: part, shown: parts[0...index].joined(separator: "/"), folder: true)
                close(fd)
                throw error
            }
            close(fd)
            fd = next
        }
        return (fd, last)
    }

    /// Names why opening `name` in `parent` failed, looking at it without following it.
    static func classify(_ code: Int32, parent: Int32, name: String, shown: String, folder: Bool = false)
        -> SandboxFileError
    {
        var info = stat()
        guard fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            return errno == ENOENT
                ? .missing(at: shown) : .unreadable(path: shown, reason: String(cString: strerror(errno)))
        }
        let kind = Kind(mode: info.st_mode)
        if kind == .symbolicLink { return .symbolicLink(at: shown) }
        if folder && kind != .directory { return .notADirectory(at: shown, kind: kind) }
        return .unreadable(path: shown, reason: String(cString: strerror(code)))
    }
}
