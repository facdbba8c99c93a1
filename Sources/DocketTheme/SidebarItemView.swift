import DocketSite
import Mustache

/// The context of `sidebar-items.mustache`: one sidebar item in one state (resting, active, or a
/// category on the active page's path), its children already rendered into `itemsHTML`.
struct SidebarItemView: Sendable, MustacheParent {
    enum Kind: Sendable { case doc, link, category }

    var kind: Kind
    var level: Int
    var label: String
    var key: String
    var url: String?
    var active: Bool
    var activePath: Bool
    var external = false
    var expanded = false
    var collapsible = false
    var hasLazyItems = false
    var itemsHTML: String
    var className: String?
    var customProps: CustomProps?

    /// `entry` at `level`; `childrenHTML` is the rendered `<li>`s of its children.
    init(_ entry: SidebarItem, level: Int, site: Site, active: Bool, onPath: Bool, childrenHTML: String) {
        self.level = level
        self.active = active
        activePath = onPath
        itemsHTML = childrenHTML
        if let url = site.url(of: entry) {
            if case .link = entry { self.url = url } else { self.url = URLPath.encode(url) }
        }
        switch entry {
        case .doc(let doc):
            (kind, label, key) = (.doc, doc.label, doc.key ?? doc.id)
            (className, customProps) = (doc.className, doc.customProps)
        case .link(let label, let href):
            (kind, self.label, key) = (.link, label, href)
            external = URLPath.isExternal(href)
        case .category(let category):
            (kind, label, key) = (.category, category.label, category.key)
            (className, customProps) = (category.className, category.customProps)
            expanded = onPath || active || !category.collapsed
            collapsible = category.collapsible
            hasLazyItems = !expanded && childrenHTML.isEmpty && !category.items.isEmpty
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "level": level
        case "label": label
        case "key": key
        case "url": url
        case "active": active
        case "activePath": activePath
        case "isDoc": kind == .doc
        case "isCategory": kind == .category
        case "isLink": kind == .link
        case "external": external
        case "expanded": expanded
        case "collapsible": collapsible
        case "hasLazyItems": hasLazyItems
        case "itemsHTML": itemsHTML
        case "className": className
        case "customProps": customProps.map(CustomPropsView.init)
        default: nil
        }
    }
}
