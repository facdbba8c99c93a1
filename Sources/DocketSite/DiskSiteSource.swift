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
        read(atPath: path.url.path, display: path.display)
    }

    public func read(atPath path: String, display: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(SourceText.unreadable(display))
        }
        return SourceText.decode(data, display: display)
    }

    /// Walks with `openat`/`readdir`, depth first, in the order the folder lists its entries (as
    /// `FileManager`'s enumerator did: its URL and resource-value work per file was most of a
    /// 10,000-page site's scan). The type comes from `d_type`, from `fstatat` without following
    /// links when the file system does not say. Links are not followed: a symlinked folder is
    /// not entered (so a link cannot pull pages in from elsewhere or loop) and a link is no
    /// regular file; a folder given as a link lists nothing.
    public func files(in folder: ResolvedPath, entering: (String) -> Bool) -> [FolderEntry] {
        let root = open(folder.url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return [] }
        var entries: [FolderEntry] = []
        Self.walk(root, prefix: "", entering: entering, into: &entries)
        return entries
    }

    /// Lists the folder open at `descriptor` (closed here) into `entries`, entering subfolders.
    private static func walk(
        _ descriptor: Int32, prefix: String, entering: (String) -> Bool, into entries: inout [FolderEntry]
    ) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                default: type = Int32(DT_LNK)
                }
            }
            let path = prefix + name
            if type == Int32(DT_DIR) {
                guard entering(path) else { continue }
                let child = openat(dirfd(directory), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 { walk(child, prefix: path + "/", entering: entering, into: &entries) }
                continue
            }
            entries.append(FolderEntry(path: path, isFile: type == Int32(DT_REG)))
        }
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
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { continue }
            texts[path] = text
        }
        return texts
    }

    public func lastUpdates(in folder: ResolvedPath) -> [String: LastUpdate] {
        lastUpdatesOf(folder.url)
    }
}
