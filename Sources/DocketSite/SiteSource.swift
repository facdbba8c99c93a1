import DocketDiagnostics

/// Where a site's files come from: the only way the pipeline (`SitePipeline`) reaches them.
/// `DiskSiteSource` reads a folder on disk; `MemorySiteSource` holds files given as strings
/// (tests, tools). Paths are `ResolvedPath`s the pipeline computes from the site root, so a
/// source needs no current directory.
public protocol SiteSource: Sendable {
    /// True when a file or folder is at `path`.
    func exists(_ path: ResolvedPath) -> Bool
    /// True when a folder is at `path`.
    func isFolder(_ path: ResolvedPath) -> Bool
    /// The text of the file at `path` (UTF-8, Unix line endings, see `SourceText`), or an error
    /// located in it (`path.display`).
    func read(_ path: ResolvedPath) -> Result<String, Diagnostic>
    /// `read` of the file at the absolute `path`, shown as `display`: for the pages of a site,
    /// whose paths are joined as text (a `URL` made and read back for each page cost more than
    /// reading a short page).
    func read(atPath path: String, display: String) -> Result<String, Diagnostic>
    /// Every file below `folder`, relative to it, in no particular order. `entering` is asked
    /// once for each folder below `folder` (by its relative path) before the walk goes into it;
    /// a folder it refuses is not walked.
    func files(in folder: ResolvedPath, entering: (String) -> Bool) -> [FolderEntry]
    /// The files of the static folder `folder`, which exists.
    func staticFiles(in folder: ResolvedPath) -> StaticListing
    /// Every file below `folder` that is UTF-8 text, by relative path, exactly as written (a
    /// theme's templates and assets); nil when there is no such folder.
    func texts(in folder: ResolvedPath) -> [String: String]?
    /// When each file of the content folder `folder` last changed (relative path → time and
    /// author), for `showLastUpdateTime`/`showLastUpdateAuthor`; empty when nobody knows.
    func lastUpdates(in folder: ResolvedPath) -> [String: LastUpdate]
}
