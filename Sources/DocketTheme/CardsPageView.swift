import Mustache

/// The `page` of `category.mustache`: a generated-index category page or a tag page, a title and
/// cards. The keys a doc page has and this page has not (`hasTabs`, `noBreadcrumbs`, `runbook`,
/// …) are absent here too, so a lookup inside a section falls through to the outer data exactly
/// as it did when this page was a dictionary.
struct CardsPageView: Sendable, MustacheParent {
    var title: String
    var htmlTitle: String
    var url: String
    var noindex = false
    var sidebarHTML: String
    var cards: [CardView]
    var breadcrumbs: [TemplateLink]
    var description: String?
    var canonicalUrl: String?
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
        case "unlisted", "draft", "hasTags", "hasToc", "hasMermaid": false
        case "contentHTML", "mermaidScriptUrl": ""
        case "tags": [TemplateLink]()
        case "toc": [TOCView]()
        case "sidebarHTML": sidebarHTML
        case "cards": cards
        case "breadcrumbs": breadcrumbs
        case "description": description
        case "canonicalUrl": canonicalUrl
        case "prev": prev
        case "next": next
        case "versionBadge": versionBadge
        case "versionBanner": versionBanner
        default: nil
        }
    }
}
