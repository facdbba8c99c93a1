import Foundation

/// A file or folder a site is read from or written to: where it is, and how to name it to the
/// user. Pure path arithmetic: the current directory is read at the edge (`docket`'s loader) and
/// passed in, so the pipeline never depends on it.
public struct ResolvedPath: Sendable, Equatable {
    /// Absolute and standardized (no `.` or `..`).
    public var url: URL
    /// As the user would write it from the current directory (`docs`, `../site/content`).
    public var display: String

    /// `path` as written: absolute, or relative to `directory` (an absolute path, the current
    /// directory for paths given on the command line), and shown as written.
    public init(_ path: String, from directory: String) {
        url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path).standardizedFileURL
            : URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL
        display = path
        Self.trim(&display)
    }

    /// `path` as written in a site file: absolute, or relative to `base` (the site root), and
    /// shown from where `base` is shown.
    public init(_ path: String, relativeTo base: ResolvedPath) {
        if path.hasPrefix("/") {
            url = URL(fileURLWithPath: path).standardizedFileURL
            display = path
        } else {
            url = base.url.appendingPathComponent(path).standardizedFileURL
            display = base.display == "." ? path : base.display + "/" + path
        }
        Self.trim(&display)
    }

    private init(url: URL, display: String) {
        self.url = url
        self.display = display
    }

    /// The file `relative` (`/`-separated, as the content inventory names files) inside this
    /// folder, shown below this folder's name.
    public func appending(_ relative: String) -> ResolvedPath {
        ResolvedPath(url: url.appendingPathComponent(relative), display: display + "/" + relative)
    }

    private static func trim(_ display: inout String) {
        while display.count > 1 && display.hasSuffix("/") { display.removeLast() }
    }
}
