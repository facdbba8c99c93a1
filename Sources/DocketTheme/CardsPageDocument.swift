import Mustache

/// The whole data of a generated-index or tag page's template (`category`): `site`, `page` and,
/// on a versioned site, `docsVersion`. Made by `PageContext.cardsPage`.
public struct CardsPageDocument: Sendable, MustacheParent {
    var site: SiteView
    var page: CardsPageView
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
