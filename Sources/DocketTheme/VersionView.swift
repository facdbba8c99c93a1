import Mustache

/// `docsVersion` of a versioned site's pages: the dropdown, the badge's label, and where the
/// version's search index and sidebar data are (see `VersionMenu`).
struct VersionView: Sendable, MustacheParent {
    struct MenuItem: Sendable, MustacheParent {
        var label: String
        var url: String
        var active: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "url": url
            case "active": active
            default: nil
            }
        }
    }

    /// `page.versionBanner`: the unreleased or unmaintained notice.
    struct Banner: Sendable, MustacheParent {
        var unreleased: Bool
        var unmaintained: Bool
        var siteTitle: String
        var label: String
        var latestUrl: String
        var latestLabel: String

        func child(named name: String) -> Any? {
            switch name {
            case "unreleased": unreleased
            case "unmaintained": unmaintained
            case "siteTitle": siteTitle
            case "label": label
            case "latestUrl": latestUrl
            case "latestLabel": latestLabel
            default: nil
            }
        }
    }

    var name: String
    var label: String
    var className: String?
    var menu: [MenuItem]
    var searchIndex: String
    var sidebarJSON: String

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "label": label
        case "className": className
        case "menu": menu
        case "hasMenu": menu.count > 1
        case "searchIndex": searchIndex
        case "sidebarJSON": sidebarJSON
        default: nil
        }
    }
}
