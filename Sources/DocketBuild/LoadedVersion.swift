import DocketSite

/// One version of a versioned site other than the one `LoadedSite.site` holds: its folder, its
/// assembled site (URLs under the version's path, its own sidebar) and its resolved pages.
public struct LoadedVersion: Sendable {
    public var version: DocVersion
    public var content: ResolvedPath
    public var site: Site
    public var pages: [ResolvedPage]
}
