import Testing

@testable import DocketTheme

/// The table of contents of a page made without Mustache (`TOCView.builtInHTML`) is what the
/// built-in `toc-items.mustache` makes, and a theme with its own `toc-items` still runs it.
@Suite struct TOCItemsHTMLTests {
    static func page(toc: [TOCView]) -> PageView {
        PageView(
            title: "T", htmlTitle: "T", url: "/t/", noindex: false, unlisted: false, draft: false, contentHTML: "",
            tags: [], hasToc: true, toc: toc, breadcrumbs: [], sidebarHTML: "", hasMermaid: false, hasTabs: false,
            mermaidScriptUrl: "")
    }

    /// The items through the theme's templates, as a theme without the native path renders them.
    func throughMustache(_ items: [TOCView], theme: Theme) throws -> String {
        try theme.render(
            Theme.tocItems, TemplateRoot(site: SiteView(config: .init()), page: Self.page(toc: items)) as Any)
    }

    /// A tree of `count` entries from `seed`, with ids and titles that need escaping or look like tags.
    static func tree(seed: UInt64, count: Int) -> [TOCView] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let ids = ["intro", "a&b", "x<y>\"z'", "{{id}}", "日本-語", "e\u{301}", "", "q'uote"]
        let titles = ["Intro", "<code>a &amp; b</code>", "{{html}}", "line\nbreak", "<em>é</em>", ""]
        func make(_ remaining: inout Int, depth: Int) -> [TOCView] {
            var items: [TOCView] = []
            while remaining > 0 && (items.isEmpty || next(4) > 0) {
                remaining -= 1
                var item = TOCView(id: ids[next(ids.count)], html: titles[next(titles.count)], children: [])
                if depth < 4 && next(3) == 0 { item.children = make(&remaining, depth: depth + 1) }
                items.append(item)
            }
            return items
        }
        var remaining = count
        var items: [TOCView] = []
        while remaining > 0 { items += make(&remaining, depth: 0) }
        return items
    }

    @Test func theNativeItemsAreWhatTheBuiltInTemplateMakes() throws {
        let theme = Theme.builtIn
        #expect(theme.rendersTOCNatively)
        for seed in 0..<200 as Range<UInt64> {
            let items = Self.tree(seed: seed, count: 1 + Int(seed % 23))
            #expect(TOCView.builtInHTML(items) == (try throughMustache(items, theme: theme)), "seed \(seed)")
        }
        #expect(TOCView.builtInHTML([]).isEmpty)
    }

    @Test func aThemeWithItsOwnItemsTemplateRunsIt() throws {
        let own = "<li data-id=\"{{id}}\">{{{html}}}</li>"
        let theme = try Theme.load(name: "t", directory: "/t", folder: ["templates/toc-items.mustache": own])
        #expect(!theme.rendersTOCNatively)
        let page = Self.page(toc: Self.tree(seed: 7, count: 5))
        let html = try theme.render("page", page: PageDocument(site: SiteView(config: .init()), page: page))
        #expect(html.contains("<li data-id="), "the theme's own items are on the page")
        // A copy of the built-in template, byte for byte, is the built-in template.
        let copy = try Theme.load(
            name: "t", directory: "/t",
            folder: ["templates/toc-items.mustache": Theme.builtIn.files[Theme.tocItemsFile]!])
        #expect(copy.rendersTOCNatively)
    }
}
