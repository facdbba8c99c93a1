import DocketSite

/// Whether collapsed sidebar categories carry their links in every page's HTML. They do on a
/// small sidebar, so readers without JS (and crawlers) get every link; on a large one every page
/// would repeat the whole sidebar (10,000 pages: 2.4 MB each), so collapsed categories stay lazy
/// and the theme's JS fills them from sidebar.json.
enum SidebarInlining {
    /// The most links a sidebar may hold for collapsed categories to be inlined.
    static let limit = 1000

    static func inlinesCollapsed(_ sidebar: [SidebarItem]) -> Bool {
        var count = 0
        func walk(_ items: [SidebarItem]) -> Bool {
            for item in items {
                count += 1
                if count > limit { return false }
                if case .category(let category) = item, !walk(category.items) { return false }
            }
            return true
        }
        return walk(sidebar)
    }
}
