import DocketSite

/// One item of `sidebar.json`: a doc, a link or a category with its items.
struct SidebarNode: Encodable, Sendable {
    var type: String
    var label: String
    var key: String
    /// Absent for a category without a page of its own.
    var url: String?
    var items: [SidebarNode]
    /// `className` and `customProps` of the item, when set.
    var className: String?
    var customProps: CustomProps?

    init(_ item: SidebarItem, site: Site) {
        switch item {
        case .doc(let doc):
            (type, label, key, items) = ("doc", doc.label, doc.key ?? doc.id, [])
            (className, customProps) = (doc.className, doc.customProps)
        case .link(let label, let href):
            (type, self.label, key, items) = ("link", label, href, [])
        case .category(let category):
            (type, label, key) = ("category", category.label, category.key)
            items = category.items.map { SidebarNode($0, site: site) }
            (className, customProps) = (category.className, category.customProps)
        }
        if let url = site.url(of: item) {
            if case .link = item { self.url = url } else { self.url = URLPath.encode(url) }
        }
    }
}
