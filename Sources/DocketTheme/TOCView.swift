import Mustache

/// One entry of the table of contents for `toc-items.mustache`.
struct TOCView: Sendable, MustacheParent {
    var id: String
    var html: String
    var children: [TOCView]

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "html": html
        case "children": children
        case "hasChildren": !children.isEmpty
        default: nil
        }
    }

    /// What the built-in `toc-items.mustache` makes of `items`, made without Mustache: the table
    /// of contents was a third of the template lookups of a page (each one a string split and a
    /// few casts of `Any` in swift-mustache). `Theme` uses it only while the theme's `toc-items`
    /// is the built-in one, word for word; `TOCItemsHTMLTests` holds both to the same output.
    static func builtInHTML(_ items: [TOCView]) -> String {
        var html = ""
        append(items, to: &html)
        return html
    }

    private static func append(_ items: [TOCView], to html: inout String) {
        for item in items {
            html += "<li><a class=\"table-of-contents__link\" href=\"#"
            html += HTMLEscaping().escapeText(item.id)
            html += "\">"
            html += item.html
            html += "</a>"
            if !item.children.isEmpty {
                html += "<ul>"
                append(item.children, to: &html)
                html += "</ul>"
            }
            html += "</li>"
        }
    }
}
