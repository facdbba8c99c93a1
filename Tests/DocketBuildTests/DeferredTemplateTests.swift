import DocketSite
import Testing

@testable import DocketTheme

/// A template whose output the theme makes natively is left unparsed (`DeferredTemplates`) only
/// while no template that runs can include it; rendered by name, it is parsed then and renders as
/// if it had been parsed with the theme.
@Suite struct DeferredTemplateTests {
    private func theme(_ folder: [String: String]) throws -> Theme {
        try Theme.load(name: "mine", directory: "themes/mine", folder: folder)
    }

    @Test func aTemplateThatIncludesANativeOneKeepsItParsed() throws {
        // The navbar runs (once per site); it includes an item of the sidebar's template.
        let navbar = try theme([
            "templates/navbar.mustache": "<nav>{{#site.sidebarItem}}{{> sidebar-items}}{{/site.sidebarItem}}</nav>\n"
        ])
        #expect(navbar.sidebarItemsIcon != nil)
        #expect(navbar.deferredNames == ["docket-toc-items", "page", "toc-items"])
        #expect(navbar.library.getTemplate(named: "sidebar-items") != nil)

        // A page template of the site's own runs, and it includes the TOC items' template: that
        // one, and the internal template that includes it, are parsed with the theme.
        let page = try theme(["templates/page.mustache": "<main>{{#page.toc}}{{> toc-items}}{{/page.toc}}</main>\n"])
        #expect(!page.rendersPageNatively && page.rendersTOCNatively)
        #expect(page.deferredNames == ["sidebar-items"])
        #expect(page.library.getTemplate(named: "toc-items") != nil)
        #expect(page.library.getTemplate(named: Theme.tocItems) != nil)
    }

    @Test func nothingIsDeferredWhenATemplateCannotBeRead() throws {
        // Changed delimiters: the reading cannot tell what the footer includes.
        let footer = try theme(["templates/footer.mustache": "{{=<% %>=}}<footer><%> sidebar-items%></footer>\n"])
        #expect(footer.deferredNames.isEmpty)
        #expect(footer.library.getTemplate(named: "page") != nil)
    }

    @Test func anOverriddenTemplateIsNeverDeferred() throws {
        let items = try theme(["templates/sidebar-items.mustache": "<li>{{label}}</li>\n"])
        #expect(items.sidebarItemsIcon == nil)
        #expect(!items.deferredNames.contains("sidebar-items"))
        #expect(items.library.getTemplate(named: "sidebar-items") != nil)
    }

    @Test func aDeferredTemplateRendersByName() throws {
        let builtIn = Theme.builtIn
        #expect(builtIn.library.getTemplate(named: "toc-items") == nil)
        let items = [TOCView(id: "a-b", html: "A &amp; B", children: [TOCView(id: "c", html: "C", children: [])])]
        let root = TemplateRoot(site: SiteView(config: .init()), page: TOCItemsHTMLTests.page(toc: items))
        // The internal template includes `toc-items`, which includes itself: both deferred, both
        // parsed for this render, and again from the same parse for the next.
        let html = try builtIn.render(Theme.tocItems, root as Any)
        #expect(html == TOCView.builtInHTML(items))
        #expect(try builtIn.render(Theme.tocItems, root as Any) == html)
        #expect(throws: ThemeError.self) { try builtIn.render("no-such-template", root as Any) }
    }
}
