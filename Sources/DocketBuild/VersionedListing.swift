import DocketSite
import DocketTheme

/// `docket list --json` of a versioned site: the unversioned keys (`pages` of every version with
/// a `version` key, `sidebar` of the primary version) plus `versions`.
enum VersionedListing {
    /// One entry of `versions`.
    struct Version: Encodable {
        var name: String
        var label: String
        /// The version's root URL (`/docs/next`).
        var url: String
        /// `unreleased`, `unmaintained`, or null.
        var banner: String?
        var last: Bool
        var sidebar: [ListingItem]

        private enum CodingKeys: String, CodingKey { case name, label, url, banner, last, sidebar }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(label, forKey: .label)
            try container.encode(url, forKey: .url)
            try container.encode(banner, forKey: .banner)
            try container.encode(last, forKey: .last)
            try container.encode(sidebar, forKey: .sidebar)
        }
    }

    static func json(_ all: [LoadedVersion], primary: Site) -> String {
        struct Listing: Encodable {
            var pages: [ListingPage]
            var sidebar: [ListingItem]
            var versions: [Version]
        }
        let pages = all.flatMap { entry in
            entry.site.pages.map {
                ListingPage(id: $0.id, source: $0.source, url: URLPath.encode($0.permalink), title: $0.title, version: entry.version.name)
            }
        }
        let versions = all.map { entry in
            Version(name: entry.version.name, label: entry.version.label, url: URLPath.encode(entry.site.config.docsBaseURL),
                    banner: entry.version.banner?.rawValue, last: entry.version.isLast,
                    sidebar: entry.site.sidebar.map { ListingItem($0, site: entry.site) })
        }
        let listing = Listing(pages: pages, sidebar: primary.sidebar.map { ListingItem($0, site: primary) }, versions: versions)
        return JSONText.encode(listing, pretty: true) + "\n"
    }
}
