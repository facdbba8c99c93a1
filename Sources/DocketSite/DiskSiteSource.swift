import DocketDiagnostics
import Foundation

/// A site on disk: the only code that reads a site's files and folders (`SitePipeline` asks it
/// for them). It never reads the current directory: every path it gets is absolute. When files
/// last changed comes from `lastUpdates`, which the caller gives (`docket` runs git; DocketSite
/// starts no process).
public struct DiskSiteSource: SiteSource {
    private let lastUpdatesOf: @Sendable (URL) -> [String: LastUpdate]

    /// - Parameter lastUpdates: when each file of a content folder last changed (`GitLastUpdates`
    ///   in `docket`); by default nothing is known.
    public init(lastUpdates: @escaping @Sendable (URL) -> [String: LastUpdate] = { _ in [:] }) {
        lastUpdatesOf = lastUpdates
    }

    public func exists(_ path: ResolvedPath) -> Bool {
        FileManager.default.fileExists(atPath: path.url.path)
    }

    public func isFolder(_ path: ResolvedPath) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path.url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func read(_ path: ResolvedPath) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path.url.path) else {
            return .failure(SourceText.unreadable(path.display))
        }
        return SourceText.decode(data, display: path.display)
    }

    /// Walks with `FileManager`'s enumerator. Symlinked folders are not entered (the
    /// enumerator's rule), so a link cannot pull pages in from elsewhere or loop.
    public func files(in folder: ResolvedPath, entering: (String) -> Bool) -> [FolderEntry] {
        let rootPath = folder.url.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(
            at: folder.url, includingPropertiesForKeys: [.isDirectoryKey, .isRegularFileKey], options: [])
        else { return [] }
        var entries: [FolderEntry] = []
        for case let url as URL in enumerator {
            var path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            path = String(path.dropFirst(rootPath.count))
            if path.hasPrefix("/") { path.removeFirst() }
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isRegularFileKey])
            if values?.isDirectory == true {
                if !entering(path) { enumerator.skipDescendants() }
                continue
            }
            entries.append(FolderEntry(path: path, isFile: values?.isRegularFile == true))
        }
        return entries
    }

    public func staticFiles(in folder: ResolvedPath) -> StaticListing {
        StaticFiles.list(folder.url, display: folder.display)
    }

    public func texts(in folder: ResolvedPath) -> [String: String]? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder.url.path) else { return nil }
        var texts: [String: String] = [:]
        for path in (try? fm.subpathsOfDirectory(atPath: folder.url.path)) ?? [] {
            let url = folder.url.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            // A folder, an unreadable file or one that is not UTF-8 is no text: left out.
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            texts[path] = text
        }
        return texts
    }

    public func lastUpdates(in folder: ResolvedPath) -> [String: LastUpdate] {
        lastUpdatesOf(folder.url)
    }
}
