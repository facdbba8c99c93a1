/// A file found walking a folder (`SiteSource.files(in:entering:)`): its path relative to the
/// folder, `/`-separated, and whether it is a regular file (not a socket, a device or a
/// dangling link).
public struct FolderEntry: Sendable, Equatable {
    public var path: String
    public var isFile: Bool

    public init(path: String, isFile: Bool = true) {
        self.path = path
        self.isFile = isFile
    }
}
