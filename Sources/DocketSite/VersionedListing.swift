/// `docket list --json` of a versioned site: the unversioned keys (`pages` of every version with
/// a `version` key, `sidebar` of the primary version) plus `versions`.
public enum VersionedListing {
    /// One entry of `versions`.
    public struct Version: Encodable, Sendable {
        public var name: String
        public var label: String
        /// The version's root URL (`/docs/next`).
        public var url: String
        /// `unreleased`, `unmaintained`, or null.
        public var banner: String?
        public var last: Bool
        public var sidebar: [ListingItem]

        private enum CodingKeys: String, CodingKey { case name, label, url, banner, last, sidebar }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(label, forKey: .label)
            try container.encode(url, forKey: .url)
            try container.encode(banner, forKey: .banner)
            try container.encode(last, forKey: .last)
            try container.encode(sidebar, forKey: .sidebar)
        }
    }

    public static func document(_ all: [LoadedVersion], primary: Site) -> SiteListing.Document {
        let pages = all.flatMap { entry in
            entry.site.pages.map {
                ListingPage(
                    id: $0.id, source: $0.source, url: URLPath.encode($0.permalink), title: $0.title,
                    version: entry.version.name)
            }
        }
        let versions = all.map { entry in
            Version(
                name: entry.version.name, label: entry.version.label,
                url: URLPath.encode(entry.site.config.docsBaseURL),
                banner: entry.version.banner?.rawValue, last: entry.version.isLast,
                sidebar: entry.site.sidebar.map { ListingItem($0, site: entry.site) })
        }
        return SiteListing.Document(
            pages: pages, sidebar: primary.sidebar.map { ListingItem($0, site: primary) }, sidebars: nil,
            versions: versions)
    }
}
