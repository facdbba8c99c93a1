import DocketDiagnostics

/// The whole site after assembly: pages with their URLs, the sidebar, navigation and routes.
/// Every later stage (link resolution, rendering, runbooks, checks) reads this value.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Built pages, sorted by source path (drafts are not here in a production build).
    public var pages: [Page]
    public var sidebar: [SidebarItem]
    public var generatedIndexes: [GeneratedIndex]
    public var pageIndexByID: [String: Int]
    public var pageIndexBySource: [String: Int]
    /// Page index by route key (see `routeKey`).
    public var pageIndexByRoute: [String: Int]
    /// Every URL path the site serves (pages, category pages, static files), without trailing
    /// slash except for `/`.
    public var routes: Set<String>
    /// Files of the static folder, relative to it.
    public var staticFiles: Set<String>
    /// Non-page files of the content folder (images…), relative to it.
    public var contentFiles: Set<String>
    /// Previous and next links per page id.
    public var navigation: [String: Navigation]
    /// For each doc id in the sidebar, the categories leading to it (outermost first), as paths of
    /// indices into `sidebar`.
    public var sidebarPaths: [String: [Int]]
    public var diagnostics: Diagnostics
    /// Git's last commit per content-relative page source, read only when the site shows it.
    public var lastUpdates: [String: LastUpdate] = [:]

    public func page(id: String) -> Page? { pageIndexByID[id].map { pages[$0] } }

    /// The URL a sidebar item leads to (nil for a category with no link).
    public func url(of item: SidebarItem) -> String? {
        switch item {
        case .doc(let doc): return page(id: doc.id)?.permalink
        case .link(_, let href): return href
        case .category(let category):
            switch category.link {
            case .doc(let id)?: return page(id: id)?.permalink
            case .generatedIndex(let index)?: return generatedIndexes[index].permalink
            case nil: return nil
            }
        }
    }

    /// A route key: the path without a trailing slash (`/` stays), so `/a/` and `/a` match.
    public static func routeKey(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }
}
