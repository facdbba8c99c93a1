import Mustache

/// The root of a page template while it renders: `site`, `page`, `docsVersion` and `target`
/// (the redirect's), each held by reference (`TemplateRef`). Made from a page's document by
/// `Theme.render`; keys a document does not have stay absent.
final class TemplateRoot<Page: MustacheParent & Sendable>: MustacheParent, Sendable {
    let site: TemplateRef<SiteView>
    let page: TemplateRef<Page>
    let docsVersion: TemplateRef<VersionView>?
    let target: String?

    init(site: SiteView, page: Page, docsVersion: VersionView? = nil, target: String? = nil) {
        self.site = TemplateRef(site)
        self.page = TemplateRef(page)
        self.docsVersion = docsVersion.map(TemplateRef.init)
        self.target = target
    }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "docsVersion": docsVersion
        case "target": target
        default: nil
        }
    }
}
