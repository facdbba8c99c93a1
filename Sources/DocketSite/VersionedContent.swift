/// The versions of a site with `versions.json`: which exist, and the ones loaded beside the
/// primary one (current, or the last version without it), which the load holds as its site.
public struct VersionedContent: Sendable {
    public var set: VersionSet
    /// Every version but the primary, newest first.
    public var others: [LoadedVersion]

    public init(set: VersionSet, others: [LoadedVersion]) {
        self.set = set
        self.others = others
    }

    /// Every version newest first, with `primary` (the loaded site) in its place.
    public func all(primary content: ResolvedPath, site: Site, pages: [ResolvedPage]) -> [LoadedVersion] {
        let primary = LoadedVersion(version: set.primary, content: content, site: site, pages: pages)
        return set.versions.compactMap { version in
            version == set.primary ? primary : others.first { $0.version.name == version.name }
        }
    }
}
