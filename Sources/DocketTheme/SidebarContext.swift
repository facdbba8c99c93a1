import DocketSite

/// The sidebar as template data. The shared part is built once per site; each page only
/// rebuilds the branch that leads to it (expanded, with the active item marked). Children of
/// collapsed categories are left out of the page and loaded by the theme's JS from
/// `sidebar.json`, so a page's size does not grow with the size of the site.
struct SidebarContext {
    let site: Site
    private(set) var base: [[String: Any]] = []

    init(site: Site) {
        self.site = site
        base = site.sidebar.enumerated().map { item(for: $0.element, level: 1, activeID: nil, path: [], depth: 0) }
    }

    /// The sidebar for the page with `id`.
    func items(activeID: String?) -> [[String: Any]] {
        guard let activeID else { return base }
        var items = base
        let path = site.sidebarPaths[activeID] ?? []
        // The branch holding the page (or the page's own top-level item) is rebuilt.
        if let top = path.first {
            items[top] = item(for: site.sidebar[top], level: 1, activeID: activeID, path: path, depth: 1)
        } else if let top = site.sidebar.firstIndex(where: { if case .doc(let d) = $0 { return d.id == activeID }; return false }) {
            items[top] = item(for: site.sidebar[top], level: 1, activeID: activeID, path: [], depth: 0)
        }
        return items
    }

    /// - Parameters:
    ///   - path: indices of the categories leading to the active page; `depth` says how much of
    ///     it matches this item (this item is `path[depth - 1]` when `depth > 0`).
    private func item(for entry: SidebarItem, level: Int, activeID: String?, path: [Int], depth: Int) -> [String: Any] {
        switch entry {
        case .doc(let doc):
            var dict: [String: Any] = [
                "label": doc.label, "isDoc": true, "isCategory": false, "isLink": false, "external": false,
                "active": doc.id == activeID, "activePath": false, "expanded": false, "collapsible": false,
                "level": level, "items": [[String: Any]](), "hasLazyItems": false, "key": doc.id,
            ]
            if let url = site.page(id: doc.id)?.permalink { dict["url"] = url }
            if let className = doc.className { dict["className"] = className }
            return dict
        case .link(let label, let href):
            return [
                "label": label, "url": href, "isDoc": false, "isCategory": false, "isLink": true,
                "external": URLPath.isExternal(href), "active": false, "activePath": false, "expanded": false,
                "collapsible": false, "level": level, "items": [[String: Any]](), "hasLazyItems": false, "key": href,
            ]
        case .category(let category):
            let onPath = depth > 0 && depth <= path.count
            var linksActive = false
            if case .doc(let id)? = category.link, id == activeID { linksActive = true }
            let expanded = onPath || linksActive || !category.collapsed
            var children: [[String: Any]] = []
            if expanded {
                for (index, child) in category.items.enumerated() {
                    let childOnPath = onPath && depth < path.count && path[depth] == index
                    children.append(item(for: child, level: level + 1, activeID: onPath || linksActive ? activeID : nil,
                                         path: path, depth: childOnPath ? depth + 1 : 0))
                }
            }
            var dict: [String: Any] = [
                "label": category.label, "isDoc": false, "isCategory": true, "isLink": false, "external": false,
                "active": linksActive, "activePath": onPath, "expanded": expanded, "collapsible": category.collapsible,
                "level": level, "items": children, "hasLazyItems": !expanded && !category.items.isEmpty, "key": category.key,
            ]
            if let url = site.url(of: entry) { dict["url"] = url }
            if let className = category.className { dict["className"] = className }
            return dict
        }
    }
}
