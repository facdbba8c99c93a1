/// `docket list`: the site's structure, as a value for JSON (`document`, encoded by the
/// command with the shared encoder) or as an indented outline.
public enum SiteListing {
    /// `{"pages": [{id, source, url, title}], "sidebar": [item]}`, plus `sidebars` by name
    /// when there are several; on a versioned site `pages` of every version with their
    /// `version`, and `versions` (`VersionedListing`).
    public struct Document: Encodable, Sendable {
        public var pages: [ListingPage]
        public var sidebar: [ListingItem]
        /// Every named sidebar, when there are several (`sidebar` is the first).
        public var sidebars: [String: [ListingItem]]?
        public var versions: [VersionedListing.Version]?
    }

    /// The listing of one site (one version).
    public static func document(_ site: Site) -> Document {
        Document(
            pages: site.pages.map {
                ListingPage(id: $0.id, source: $0.source, url: URLPath.encode($0.permalink), title: $0.title)
            },
            sidebar: site.sidebar.map { ListingItem($0, site: site) },
            sidebars: site.sidebars.count > 1
                ? Dictionary(
                    site.sidebars.map { ($0.name, $0.items.map { ListingItem($0, site: site) }) },
                    uniquingKeysWith: { first, _ in first })
                : nil)
    }

    /// The listing of a load: on a versioned site, `pages` holds every version's pages (newest
    /// version first) with their `version`, and `versions` each version's name, label, URL,
    /// banner and sidebar.
    public static func document(_ load: SiteLoad) -> Document {
        guard let versions = load.versions else { return document(load.site) }
        return VersionedListing.document(
            versions.all(primary: load.content, site: load.site, pages: load.pages), primary: load.site)
    }

    /// An indented outline of the sidebar with URLs, then pages outside it.
    public static func outline(_ site: Site) -> String {
        var out = ""
        var listed = Set<String>()
        func walk(_ items: [SidebarItem], depth: Int) {
            for entry in items {
                let indent = String(repeating: "  ", count: depth)
                switch entry {
                case .doc(let doc):
                    listed.insert(doc.id)
                    out +=
                        "\(indent)\(doc.label)  \(site.url(of: entry).map(URLPath.encode) ?? "")  [\(site.page(id: doc.id)?.source ?? doc.id)]\n"
                case .link(let label, let href):
                    out += "\(indent)\(label)  \(href)\n"
                case .category(let category):
                    if case .doc(let id)? = category.link { listed.insert(id) }
                    out += "\(indent)\(category.label)/  \(site.url(of: entry).map(URLPath.encode) ?? "(no link)")\n"
                    walk(category.items, depth: depth + 1)
                }
            }
        }
        if site.sidebars.count > 1 {
            // Every named sidebar, each under its name.
            for (number, sidebar) in site.sidebars.enumerated() {
                out += (number == 0 ? "" : "\n") + "Sidebar \(sidebar.name):\n"
                walk(sidebar.items, depth: 1)
            }
        } else {
            walk(site.sidebar, depth: 0)
        }
        let others = site.pages.filter { !listed.contains($0.id) }
        if !others.isEmpty {
            out += "\nNot in the sidebar:\n"
            for page in others { out += "  \(page.title)  \(URLPath.encode(page.permalink))  [\(page.source)]\n" }
        }
        return out
    }
}
