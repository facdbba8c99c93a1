import DocketDiagnostics
import DocketSite
import DocketTheme
import Foundation

/// The tag pages of a site (`/docs/tags/NAME` and the `/docs/tags` index) as output files: one
/// place for `docket build` and for serve's rebuilds.
enum TagPages {
    static func files(_ site: Site, context: PageContext, theme: Theme) throws -> [(path: String, data: Data)] {
        var pagesByTag: [String: (label: String, pages: [Page])] = [:]
        for page in site.pages where !page.frontMatter.unlisted {
            for tag in page.frontMatter.tags {
                pagesByTag[tag.permalink, default: (tag.label, [])].pages.append(page)
            }
        }
        guard !pagesByTag.isEmpty else { return [] }
        let slash = site.config.trailingSlash
        let tagsURL = URLPath.applyTrailingSlash(
            URLPath.join([site.config.docsBaseURL, "tags"]), slash, baseURL: site.config.baseURL)
        var files: [(path: String, data: Data)] = []
        var allCards: [CardView] = []
        for (permalink, entry) in pagesByTag.sorted(by: { $0.key < $1.key }) {
            let url = URLPath.applyTrailingSlash(
                URLPath.join([tagsURL, permalink]), slash, baseURL: site.config.baseURL)
            let cards = entry.pages.map {
                CardView(label: $0.title, url: URLPath.encode($0.permalink), description: $0.description)
            }
            allCards.append(
                CardView(
                    label: entry.label, url: URLPath.encode(url),
                    description: "\("page".counted(entry.pages.count))"))
            let data = try context.cardsPage(
                title: "Tagged “\(entry.label)”", description: nil, url: URLPath.encode(url), cards: cards)
            if let file = URLPath.outputFile(for: url, trailingSlash: slash) {
                files.append((file, Data(try theme.render("category", data).utf8)))
            }
        }
        if let file = URLPath.outputFile(for: tagsURL, trailingSlash: slash) {
            let data = try context.cardsPage(
                title: "Tags", description: nil, url: URLPath.encode(tagsURL), cards: allCards)
            files.append((file, Data(try theme.render("category", data).utf8)))
        }
        return files
    }

    /// Where the site's home redirects: the first page of the sidebar, else the first page.
    static func firstURL(_ site: Site) -> String? {
        for item in site.sidebar {
            if let url = site.url(of: item), !URLPath.isExternal(url) { return url }
        }
        return site.pages.first?.permalink
    }
}
