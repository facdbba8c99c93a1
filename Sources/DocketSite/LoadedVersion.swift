/// One version of a versioned site: its folder, its assembled site (URLs under the version's
/// path, its own sidebar) and its resolved pages.
public struct LoadedVersion: Sendable {
    public var version: DocVersion
    public var content: ResolvedPath
    public var site: Site
    public var pages: [ResolvedPage]

    public init(version: DocVersion, content: ResolvedPath, site: Site, pages: [ResolvedPage]) {
        self.version = version
        self.content = content
        self.site = site
        self.pages = pages
    }
}
