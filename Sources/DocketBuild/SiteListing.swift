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
        }
        let listing = Listing(
            pages: site.pages.map { ListingPage(id: $0.id, source: $0.source, url: URLPath.encode($0.permalink), title: $0.title) },
            sidebar: site.sidebar.map { ListingItem($0, site: site) })
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
        walk(site.sidebar, depth: 0)
        let others = site.pages.filter { !listed.contains($0.id) }
        if !others.isEmpty {
            out += "\nNot in the sidebar:\n"
            for page in others { out += "  \(page.title)  \(URLPath.encode(page.permalink))  [\(page.source)]\n" }
        }
        return out
    }
}
