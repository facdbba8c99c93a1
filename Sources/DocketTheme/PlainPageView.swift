import Mustache

/// The `page` of the 404 page and of the root redirect: a title and no sidebar.
struct PlainPageView: Sendable, MustacheParent {
    var title: String
    var htmlTitle: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "htmlTitle": htmlTitle
        case "sidebarHTML": ""
        case "noindex": true
        default: nil
        }
    }
}
