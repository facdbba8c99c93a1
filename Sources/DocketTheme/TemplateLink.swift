import Mustache

/// A link in template data: navbar and footer items, tags, breadcrumbs, previous/next. Keys
/// left nil are absent for the template, as a missing dictionary key was.
struct TemplateLink: Sendable, MustacheParent {
    var label: String
    var url: String?
    var external: Bool?

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "url": url
        case "external": external
        default: nil
        }
    }
}
