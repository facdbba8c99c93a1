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

    /// What the built-in `sidebar-items.mustache` makes of this item, made without Mustache:
    /// every item of the sidebar once per build and the active one on every page ran the
    /// template, about a quarter of the template lookups of a build. `Theme` uses it only while
    /// `sidebar-items` and `icon-external` (`icon`, its text) are the built-in ones, word for
    /// word; `SidebarItemHTMLTests` holds both to the same output.
    func builtInHTML(icon: String) -> String {
        let escape = HTMLEscaping()
        var html = "<li class=\"menu__list-item"
        if kind == .category {
            html += " menu__list-item--category"
            if !expanded { html += " menu__list-item--collapsed" }
        }
        if activePath { html += " menu__list-item--active-path" }
        if let className { html += " " + escape.escapeText(className) }
        html += "\""
        if kind == .category {
            html += " data-key=\"" + escape.escapeText(key) + "\""
            if hasLazyItems { html += " data-lazy=\"true\"" }
        }
        html += ">\n"
        let label = escape.escapeText(self.label)
        if kind != .category {
            html += "<a class=\"menu__link" + (active ? " menu__link--active" : "") + "\" href=\""
            html += escape.escapeText(url ?? "") + "\""
            if active { html += " aria-current=\"page\"" }
            if external { html += " target=\"_blank\" rel=\"noopener noreferrer\"" }
            html += ">" + label + (external ? icon : "") + "</a>\n"
        } else {
            let ariaExpanded = expanded ? "true" : "false"
            html += "<div class=\"menu__category\">"
            if let url {
                html += "<a class=\"menu__link menu__link--category" + (active ? " menu__link--active" : "")
                html += "\" href=\"" + escape.escapeText(url) + "\"" + (active ? " aria-current=\"page\"" : "")
                html += ">" + label + "</a>"
                if collapsible {
                    html += "<button class=\"menu__caret\" type=\"button\" aria-expanded=\"" + ariaExpanded
                    html += "\" aria-label=\"Expand or collapse ‘" + label + "’\"></button>"
                }
            } else if collapsible {
                html +=
                    "<button class=\"menu__link menu__link--category menu__toggle\" type=\"button\" aria-expanded=\""
                html += ariaExpanded + "\">" + label + "</button>"
            } else {
                html += "<span class=\"menu__link menu__link--category\">" + label + "</span>"
            }
            html += "</div>\n"
            if !hasLazyItems { html += "<ul class=\"menu__list\">" + itemsHTML + "</ul>\n" }
        }
        html += "</li>\n"
        return html
    }
}
