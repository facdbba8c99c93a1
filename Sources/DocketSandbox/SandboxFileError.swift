/// Why a file beneath a sandbox tree (or a fixture folder) could not be read. Every path is
/// relative to the tree's root, as given to `SandboxFile`.
public enum SandboxFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path is absolute or has a `..` component: it could name something outside the tree.
    case escapes(path: String)
    /// `at` (the path itself or one of its folders) does not exist.
    case missing(at: String)
    /// `at` (the path itself or one of its folders) is a symbolic link, which is never followed.
    case symbolicLink(at: String)
    /// `at`, a folder of the path, is something else.
    case notADirectory(at: String, kind: SandboxFile.Kind)
    /// The path is a folder, a named pipe or a device rather than a regular file.
    case notAFile(path: String, kind: SandboxFile.Kind)
    /// The file holds more than `limit` bytes; nothing of it was read.
    case tooLarge(path: String, limit: Int)
    /// The system refused to open or read it (permissions, I/O).
    case unreadable(path: String, reason: String)

    /// The path the problem is about: the link, the missing folder, the file.
    public var path: String {
        switch self {
        case .escapes(let path), .missing(let path), .symbolicLink(let path), .notADirectory(let path, _),
            .notAFile(let path, _), .tooLarge(let path, _), .unreadable(let path, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .escapes(let path): return "\(path) leaves its folder (an absolute path or a '..')"
        case .missing(let path): return "\(path) does not exist"
        case .symbolicLink(let path): return "\(path) is a symbolic link"
        case .notADirectory(let path, let kind): return "\(path) is \(kind), not a folder"
        case .notAFile(let path, let kind): return "\(path) is \(kind), not a file"
        case .tooLarge(let path, let limit): return "\(path) is larger than \(limit) bytes"
        case .unreadable(let path, let reason): return "\(path) cannot be read: \(reason)"
        }
    }
}
