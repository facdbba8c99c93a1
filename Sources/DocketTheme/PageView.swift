import Mustache

/// The `page` of `page.mustache`: one doc page's data, read by the template through
/// `MustacheParent`. Optional keys left nil are absent for the template.
struct PageView: Sendable, MustacheParent {
    /// "Last updated on DATE by AUTHOR": each part only when the site shows it and it is known.
    struct LastUpdate: Sendable, MustacheParent {
        var date: String?
        var iso: String?
        var author: String?

        func child(named name: String) -> Any? {
            switch name {
            case "date": date
            case "iso": iso
            case "author": author
            default: nil
            }
        }
    }

    var title: String
    var htmlTitle: String
    var url: String
    var noindex: Bool
    var unlisted: Bool
    var draft: Bool
    var contentHTML: String
    var tags: [TemplateLink]
    var hasToc: Bool
    var toc: [TOCView]
    /// The TOC's items rendered once with `toc-items` (by `Theme.render(_:page:)`).
    var tocItemsHTML = ""
    var breadcrumbs: [TemplateLink]
    var sidebarHTML: String
    var hasMermaid: Bool
    var hasTabs: Bool
    var mermaidScriptUrl: String
    var description: String?
    var canonicalUrl: String?
    /// The runbook banner, with the parameters' rows.
    var runbook: RunbookBannerView?
    var keywords: String?
    var editUrl: String?
    var lastUpdate: LastUpdate?
    var prev: TemplateLink?
    var next: TemplateLink?
    var versionBadge: String?
    var versionBanner: VersionView.Banner?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "htmlTitle": htmlTitle
        case "url": url
        case "noindex": noindex
        case "unlisted": unlisted
        case "draft": draft
        case "contentHTML": contentHTML
        case "hasTags": !tags.isEmpty
        case "tags": tags
        case "hasToc": hasToc
        case "toc": toc
        case "tocItemsHTML": tocItemsHTML
        case "breadcrumbs": breadcrumbs
        case "noBreadcrumbs": breadcrumbs.isEmpty
        case "sidebarHTML": sidebarHTML
        case "hasMermaid": hasMermaid
        case "hasTabs": hasTabs
        case "mermaidScriptUrl": mermaidScriptUrl
        case "description": description
        case "canonicalUrl": canonicalUrl
        case "runbook": runbook
        case "keywords": keywords
        case "editUrl": editUrl
        case "lastUpdate": lastUpdate
        case "prev": prev
        case "next": next
        case "versionBadge": versionBadge
        case "versionBanner": versionBanner
        default: nil
        }
    }
}
