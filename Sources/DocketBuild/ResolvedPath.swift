import Foundation

/// A folder the build reads or writes: where it is, and how to name it to the user.
public struct ResolvedPath: Sendable {
    public var url: URL
    /// As the user would write it from the current directory (`docs`, `../site/content`).
    public var display: String

    init(_ path: String, relativeTo base: ResolvedPath?) {
        if path.hasPrefix("/") {
            url = URL(fileURLWithPath: path).standardizedFileURL
            display = path
        } else if let base {
            url = base.url.appendingPathComponent(path).standardizedFileURL
            display = base.display == "." ? path : base.display + "/" + path
        } else {
            url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path).standardizedFileURL
            display = path
        }
        while display.count > 1 && display.hasSuffix("/") { display.removeLast() }
    }

    var exists: Bool { FileManager.default.fileExists(atPath: url.path) }
}
