import DocketDiagnostics
import DocketSite
import Foundation

/// The site read and resolved: everything `build`, `list` and later `check` need. Made by
/// `SiteLoader` from a `SitePipeline` load, with the folders the command line resolved.
public struct LoadedSite: Sendable {
    public var root: ResolvedPath
    public var content: ResolvedPath
    public var staticFolder: ResolvedPath
    public var output: ResolvedPath
    public var site: Site
    public var pages: [ResolvedPage]
    public var diagnostics: Diagnostics
    /// The other versions of a site with `versions.json`; nil for an unversioned site.
    public var versions: VersionedContent? = nil
    /// Where the site was read from, for reading pages again (`docket serve`'s rebuilds).
    public var source: any SiteSource
}

extension VersionedContent {
    /// Every version newest first, the primary taken from `loaded`.
    public func all(_ loaded: LoadedSite) -> [LoadedVersion] {
        all(primary: loaded.content, site: loaded.site, pages: loaded.pages)
    }
}
