import DocketSite
import DocketTheme
import Foundation

/// `docket list`: the site's structure, as JSON for tools and tests or as an indented outline.
public enum SiteListing {
    /// `{"pages": [{id, source, url, title}], "sidebar": [item]}`, keys sorted, two-space indent.
    public static func json(_ site: Site) -> String {
        struct Listing: Encodable {
            var pages: [ListingPage]
            var sidebar: [ListingItem]
            /// Every named sidebar, when there are several (`sidebar` is the first).
            var sidebars: [String: [ListingItem]]?
        }
        let listing = Listing(
            pages: site.pages.map { ListingPage(id: $0.id, source: $0.source, url: URLPath.encode($0.permalink), title: $0.title) },
            sidebar: site.sidebar.map { ListingItem($0, site: site) },
            sidebars: site.sidebars.count > 1
                ? Dictionary(site.sidebars.map { ($0.name, $0.items.map { ListingItem($0, site: site) }) }, uniquingKeysWith: { first, _ in first })
                : nil)
        return JSONText.encode(listing, pretty: true) + "\n"
    }

    /// The listing of a loaded site: on a versioned site, `pages` holds every version's pages
    /// (newest version first) with their `version`, and `versions` each version's name, label,
    /// URL, banner and sidebar (`VersionedListing`).
    public static func json(_ loaded: LoadedSite) -> String {
        guard let versions = loaded.versions else { return json(loaded.site) }
        return VersionedListing.json(versions.all(loaded), primary: loaded.site)
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
                    out += "\(indent)\(doc.label)  \(site.url(of: entry).map(URLPath.encode) ?? "")  [\(site.page(id: doc.id)?.source ?? doc.id)]\n"
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
