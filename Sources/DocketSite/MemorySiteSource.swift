import DocketDiagnostics
import Foundation

/// A site held in memory: files by path, as strings. The pipeline runs on it exactly as on
/// disk, with no folder to create or clean up (tests, and tools that generate pages).
/// Folders exist as the parents of files; there are no symlinks.
public struct MemorySiteSource: SiteSource {
    /// Absolute path → text.
    private let texts: [String: String]
    /// Absolute path of every folder holding a file.
    private let folders: Set<String>
    private let updates: [String: LastUpdate]

    /// - Parameters:
    ///   - root: the absolute folder `files` are relative to (the site root, usually).
    ///   - files: relative path (`/`-separated, `docs/a.md`) → text.
    ///   - lastUpdates: when files last changed, by absolute path.
    public init(root: String = "/site", files: [String: String], lastUpdates: [String: LastUpdate] = [:]) {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        var texts: [String: String] = [:]
        var folders: Set<String> = [base.isEmpty ? "/" : base]
        for (path, text) in files {
            let absolute = path.hasPrefix("/") ? path : base + "/" + path
            texts[absolute] = text
            var parent = Self.parent(of: absolute)
            while !parent.isEmpty, folders.insert(parent).inserted {
                parent = Self.parent(of: parent)
            }
        }
        self.texts = texts
        self.folders = folders
        updates = lastUpdates
    }

    public func exists(_ path: ResolvedPath) -> Bool {
        texts[path.url.path] != nil || folders.contains(path.url.path)
    }

    public func isFolder(_ path: ResolvedPath) -> Bool {
        folders.contains(path.url.path)
    }

    public func read(_ path: ResolvedPath) -> Result<String, Diagnostic> {
        read(atPath: path.url.path, display: path.display)
    }

    public func read(atPath path: String, display: String) -> Result<String, Diagnostic> {
        guard let text = texts[path] else { return .failure(SourceText.unreadable(display)) }
        return SourceText.decode(Data(text.utf8), display: display)
    }

    public func files(in folder: ResolvedPath, entering: (String) -> Bool) -> [FolderEntry] {
        var decided: [String: Bool] = [:]
        // Asks once per folder, parents first, as a walk of a real folder would.
        func entered(_ relativeFolder: String) -> Bool {
            if let known = decided[relativeFolder] { return known }
            let parent = Self.parent(of: relativeFolder)
            let answer = (parent.isEmpty || entered(parent)) && entering(relativeFolder)
            decided[relativeFolder] = answer
            return answer
        }
        return relativePaths(under: folder).sorted().compactMap { path in
            let parent = Self.parent(of: path)
            guard parent.isEmpty || entered(parent) else { return nil }
            return FolderEntry(path: path)
        }
    }

    public func staticFiles(in folder: ResolvedPath) -> StaticListing {
        var listing = StaticListing()
        for path in relativePaths(under: folder).sorted() {
            if ContentInventory.hasControlCharacter(path) {
                listing.diagnostics.append(StaticListing.badName(folder.display + "/" + ContentInventory.visible(path)))
            } else {
                listing.files.append(path)
            }
        }
        return listing
    }

    public func texts(in folder: ResolvedPath) -> [String: String]? {
        guard isFolder(folder) else { return nil }
        let prefix = folder.url.path + "/"
        var result: [String: String] = [:]
        for (path, text) in texts where path.hasPrefix(prefix) { result[String(path.dropFirst(prefix.count))] = text }
        return result
    }

    public func lastUpdates(in folder: ResolvedPath) -> [String: LastUpdate] {
        let prefix = folder.url.path + "/"
        var result: [String: LastUpdate] = [:]
        for (path, update) in updates where path.hasPrefix(prefix) {
            result[String(path.dropFirst(prefix.count))] = update
        }
        return result
    }

    /// `a/b` for `a/b/c`, empty for `c` and for `/c` (the root is not a folder name here).
    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    private func relativePaths(under folder: ResolvedPath) -> [String] {
        let prefix = folder.url.path == "/" ? "/" : folder.url.path + "/"
        return texts.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}
