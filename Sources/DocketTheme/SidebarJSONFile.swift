import DocketSite

/// `sidebar.json`: the whole sidebar tree, fetched once by the theme's JS to expand categories
/// whose children a page left out.
///
/// Written by hand, as `JSONEncoder` wrote it with sorted keys: each item `{"className"?,
/// "customProps"?, "items", "key", "label", "type", "url"?}`. Encoding a tree of item values with
/// `JSONEncoder` took 33.5M instructions of a 1,000-page build (1.5 %; 10.7M by hand), on every
/// build and on every change to the site in `docket serve`, which compares the file.
public enum SidebarJSONFile {
    /// Every sidebar's items in one list: the JS looks categories up by key, and the keys of
    /// later sidebars carry their sidebar's name.
    public static func render(_ site: Site) -> String {
        let items = site.sidebars.isEmpty ? site.sidebar : site.sidebars.flatMap(\.items)
        var out = ""
        appendList(items, site: site, to: &out)
        return out
    }

    private static func appendList(_ items: [SidebarItem], site: Site, to out: inout String) {
        out += "["
        for index in items.indices {
            if index > 0 { out += "," }
            append(items[index], site: site, to: &out)
        }
        out += "]"
    }

    private static func append(_ item: SidebarItem, site: Site, to out: inout String) {
        let type: String
        let label: String
        let key: String
        var className: String?
        var customProps: CustomProps?
        var children: [SidebarItem] = []
        switch item {
        case .doc(let doc):
            (type, label, key) = ("doc", doc.label, doc.key ?? doc.id)
            (className, customProps) = (doc.className, doc.customProps)
        case .link(let text, let href):
            (type, label, key) = ("link", text, href)
        case .category(let category):
            (type, label, key, children) = ("category", category.label, category.key, category.items)
            (className, customProps) = (category.className, category.customProps)
        }
        out += "{"
        if let className { out += "\"className\":" + JSONStringLiteral.quoted(className) + "," }
        if let customProps { out += "\"customProps\":" + JSONText.encode(customProps) + "," }
        out += "\"items\":"
        appendList(children, site: site, to: &out)
        out += ",\"key\":" + JSONStringLiteral.quoted(key) + ",\"label\":" + JSONStringLiteral.quoted(label)
        out += ",\"type\":\"" + type + "\""
        // A link's href as written; a page's URL percent-encoded, as in the pages' own links.
        if let url = site.url(of: item) {
            let shown: String
            if case .link = item { shown = url } else { shown = URLPath.encode(url) }
            out += ",\"url\":" + JSONStringLiteral.quoted(shown)
        }
        out += "}"
    }
}
