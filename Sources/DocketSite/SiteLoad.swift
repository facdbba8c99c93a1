import DocketDiagnostics

/// What `SitePipeline` makes of a site: the folders it was read from, the assembled site, its
/// pages with their links checked, every problem found, and the other versions of a versioned
/// site.
public struct SiteLoad: Sendable {
    /// The content folder the pages were read from (a version's folder, `--content`,
    /// docket.yml's `content:`, or `docs/` when only that exists).
    public var content: ResolvedPath
    /// The static folder (`--static` or docket.yml's `static:`); it may not exist.
    public var staticFolder: ResolvedPath
    public var site: Site
    /// Every page of `site`, its links checked (rewritten when it renders).
    public var pages: [ResolvedPage]
    public var diagnostics: Diagnostics
    /// The other versions of a site with `versions.json`; nil for an unversioned site.
    public var versions: VersionedContent?
}
