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
}
