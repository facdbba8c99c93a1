import DocketSite

/// The versions of a site with `versions.json`: which exist, and the ones loaded beside
/// `LoadedSite.site` (which holds `set.primary`: current, or the last version without it).
public struct VersionedContent: Sendable {
    public var set: VersionSet
    /// Every version but the primary, newest first.
    public var others: [LoadedVersion]

    /// Every version newest first, the primary taken from `loaded`.
    public func all(_ loaded: LoadedSite) -> [LoadedVersion] {
        let primary = LoadedVersion(version: set.primary, content: loaded.content, site: loaded.site, pages: loaded.pages)
        return set.versions.compactMap { version in
            version == set.primary ? primary : others.first { $0.version.name == version.name }
        }
    }
}
