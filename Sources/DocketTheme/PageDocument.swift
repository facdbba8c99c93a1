import Mustache

/// The whole data of a doc page's template: `site`, `page` and, on a versioned site,
/// `docsVersion`. Made per page by `PageContext.page`, rendered by `Theme.render(_:page:)`.
public struct PageDocument: MustacheParent {
    var site: SiteView
    var page: PageView
    var docsVersion: VersionView?

    public func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "docsVersion": docsVersion
        default: nil
        }
    }
}
