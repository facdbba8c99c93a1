import DocketDiagnostics
import DocketSite
import Foundation

/// The site read from disk and resolved: everything `build`, `list` and later `check` need.
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
}
