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
        // Appended piece by piece into one string: `a + b + c` made a string for each `+`
        // (a sidebar is rendered once per site, but it has an item for every page).
        var html = "<li class=\"menu__list-item"
        if kind == .category {
            html += " menu__list-item--category"
            if !expanded { html += " menu__list-item--collapsed" }
        }
        if activePath { html += " menu__list-item--active-path" }
        if let className {
            html += " "
            html += escape.escapeText(className)
        }
        html += "\""
        if kind == .category {
            html += " data-key=\""
            html += escape.escapeText(key)
            html += "\""
            if hasLazyItems { html += " data-lazy=\"true\"" }
        }
        html += ">\n"
        let label = escape.escapeText(self.label)
        if kind != .category {
            html += active ? "<a class=\"menu__link menu__link--active\" href=\"" : "<a class=\"menu__link\" href=\""
            html += escape.escapeText(url ?? "")
            html += "\""
            if active { html += " aria-current=\"page\"" }
            if external { html += " target=\"_blank\" rel=\"noopener noreferrer\"" }
            html += ">"
            html += label
            if external { html += icon }
            html += "</a>\n"
        } else {
            let ariaExpanded = expanded ? "true" : "false"
            html += "<div class=\"menu__category\">"
            if let url {
                html += "<a class=\"menu__link menu__link--category"
                if active { html += " menu__link--active" }
                html += "\" href=\""
                html += escape.escapeText(url)
                html += "\""
                if active { html += " aria-current=\"page\"" }
                html += ">"
                html += label
                html += "</a>"
                if collapsible {
                    html += "<button class=\"menu__caret\" type=\"button\" aria-expanded=\""
                    html += ariaExpanded
                    html += "\" aria-label=\"Expand or collapse ‘"
                    html += label
                    html += "’\"></button>"
                }
            } else if collapsible {
                html +=
                    "<button class=\"menu__link menu__link--category menu__toggle\" type=\"button\" aria-expanded=\""
                html += ariaExpanded
                html += "\">"
                html += label
                html += "</button>"
            } else {
                html += "<span class=\"menu__link menu__link--category\">"
                html += label
                html += "</span>"
            }
            html += "</div>\n"
            if !hasLazyItems {
                html += "<ul class=\"menu__list\">"
                html += itemsHTML
                html += "</ul>\n"
            }
        }
        html += "</li>\n"
        return html
    }
}
