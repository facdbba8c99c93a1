import Mustache

/// The whole data of the `404` and `redirect` templates: `site`, `page` and, for the redirect,
/// the `target` URL. Made by `PageContext.plainPage`.
public struct PlainPageDocument: Sendable, MustacheParent {
    var site: SiteView
    var page: PlainPageView
    var target: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "target": target
        default: nil
        }
    }
}
