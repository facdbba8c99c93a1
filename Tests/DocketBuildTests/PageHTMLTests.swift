import DocketBuild
import DocketSite
import DocketTestSupport
import Foundation
import Testing

@testable import DocketTheme

/// A doc page made without Mustache (`PageDocument.builtInHTML`) is what the built-in
/// `page.mustache` and its partials make of it, for every state of the page's data; a theme
/// with its own copy of any of those templates runs its templates.
@Suite struct PageHTMLTests {
    /// A doc page of a small site, to start from.
    static func anyPage(frontMatter: String = "") throws -> PageDocument {
        let root = Fixtures.temporaryDirectory("page-html")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            ["docket.yml": "title: T\n", "content/a.md": frontMatter + "# A\n\n## B\n\nText.\n"], under: root)
        var options = BuildOptions()
        options.root = root.path
        let site = try SiteLoader.load(options).site
        let context = try PageContext(site: site, theme: .builtIn)
        return try context.page(LinkResolver(site: site).resolve(try #require(site.pages.first)))
    }

    @Test func theNativePageIsWhatTheBuiltInTemplatesMake() throws {
        let theme = Theme.builtIn
        #expect(theme.rendersPageNatively)
        let start = try Self.anyPage()
        let rows = try TypedTemplateDataTests.deployParameterRows()
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func coin() -> Bool { next(2) == 0 }
        let texts = ["Setup", "a & b <c> \"d\" 'e'", "{{label}}", "", "日本 e\u{301} <\u{301}", "‘quoted’"]
        func text() -> String { texts[next(texts.count)] }
        func maybe() -> String? { coin() ? nil : text() }
        let urls: [String?] = [nil, "/docs/a/", "", "https://example.com/?a=1&b=\"2\"", "/d/e\u{301}"]
        func link() -> TemplateLink { TemplateLink(label: text(), url: urls[next(urls.count)]) }
        func links() -> [TemplateLink] { (0..<next(4)).map { _ in link() } }
        var compared = 0
        for _ in 0..<1_500 {
            var document = start
            var site = document.site
            site.title = text()
            site.assetsUrl = ["/assets/docket/", "/b&c/assets/docket/", ""][next(3)]
            site.baseUrl = ["/", "/b&c/"][next(2)]
            site.logo = coin() ? nil : SiteView.Logo(src: text(), alt: text())
            document.site = site
            var page = document.page
            (page.title, page.htmlTitle, page.url) = (text(), text(), text())
            (page.noindex, page.unlisted, page.draft) = (coin(), coin(), coin())
            page.contentHTML = ["", "<p>x</p>", "{{x}}\n", "<h2 id=\"b\">B</h2>"][next(4)]
            page.tags = links()
            page.hasToc = coin()
            page.tocItemsHTML = ["", "<li><a href=\"#b\">B</a></li>"][next(2)]
            page.breadcrumbs = links()
            page.sidebarHTML = ["", "<li>{{x}}</li>\n"][next(2)]
            (page.hasMermaid, page.hasTabs) = (coin(), coin())
            page.mermaidScriptUrl = text()
            (page.description, page.canonicalUrl, page.keywords, page.editUrl) = (maybe(), maybe(), maybe(), maybe())
            page.lastUpdate = coin() ? nil : PageView.LastUpdate(date: maybe(), iso: maybe(), author: maybe())
            (page.prev, page.next) = (coin() ? nil : link(), coin() ? nil : link())
            page.versionBadge = maybe()
            page.versionBanner =
                coin()
                ? nil
                : VersionView.Banner(
                    unreleased: coin(), unmaintained: coin(), siteTitle: text(), label: text(), latestUrl: text(),
                    latestLabel: text())
            if coin() {
                page.runbook = nil
            } else {
                var parameters: [RunbookParameterView] = []
                for _ in 0..<next(4) {
                    var row = rows[next(rows.count)]
                    row.name = text()
                    row.description = text()
                    row.secret = coin()
                    (row.example, row.defaultValue, row.pattern) = (maybe(), maybe(), maybe())
                    (row.choices, row.producedBy) = (maybe(), maybe())
                    parameters.append(row)
                }
                let form =
                    coin()
                    ? nil
                    : RunbookBannerView.Form(parameters: parameters, json: "{\"a\":\"<b>\"}", description: maybe())
                page.runbook = RunbookBannerView(
                    id: text(), title: text(), scriptUrl: text(), stepCount: next(12), form: form)
            }
            document.page = page
            document.docsVersion =
                coin()
                ? nil
                : VersionView(
                    name: "1.0", label: text(), className: maybe(),
                    menu: [VersionView.MenuItem(label: text(), url: "/1.0/", active: coin())], searchIndex: "s.json",
                    sidebarJSON: ["sidebar-1.0.json", "a&b.json"][next(2)])
            let root = TemplateRoot(site: document.site, page: document.page, docsVersion: document.docsVersion)
            let template = try theme.render("page", root as Any)
            let native = try document.builtInHTML { (name: String) throws(ThemeError) in
                try theme.render(name, root as Any)
            }
            #expect(native == template, "\(page)")
            compared += 1
            if native != template { break }
        }
        #expect(compared == 1_500)
    }

    @Test(arguments: Theme.nativePageFiles)
    func aThemeWithItsOwnPagePartRunsTheTemplates(_ file: String) throws {
        let builtIn = try #require(DefaultThemeFiles.files[file])
        let theme = try Theme.load(name: "t", directory: "/t", folder: [file: "<!-- mine -->\n" + builtIn])
        #expect(!theme.rendersPageNatively)
        var document = try Self.anyPage()
        document.page.hasToc = true
        document.page.breadcrumbs = [TemplateLink(label: "Guides", url: nil)]
        document.page.prev = TemplateLink(label: "Back", url: "/b/")
        #expect(try theme.render("page", page: document).contains("<!-- mine -->"))
    }

    @Test func aThemeWithItsOwnNavbarKeepsTheNativePageAndShowsItsNavbar() throws {
        let navbar = "<nav class=\"mine\">{{site.title}} {{page.title}}</nav>\n"
        let theme = try Theme.load(name: "t", directory: "/t", folder: ["templates/navbar.mustache": navbar])
        #expect(theme.rendersPageNatively)
        let document = try Self.anyPage()
        let html = try theme.render("page", page: document)
        #expect(html.contains("<nav class=\"mine\">T A</nav>\n<div class=\"docket-layout\">"))
        var view = document.page
        view.tocItemsHTML = TOCView.builtInHTML(view.toc)
        let rootWithTOC = TemplateRoot(site: document.site, page: view, docsVersion: nil)
        #expect(html == (try theme.render("page", rootWithTOC as Any)))
    }

    /// `hide_table_of_contents: true` shows no table of contents, in the built-in page and in a
    /// theme's own templates: `page.tocItemsHTML` is empty there (it is not even made), while
    /// `page.toc` still lists the headings for a template that wants them.
    @Test func aHiddenTableOfContentsIsNotRendered() throws {
        let hidden = try Self.anyPage(frontMatter: "---\nhide_table_of_contents: true\n---\n")
        #expect(!hidden.page.hasToc)
        #expect(hidden.page.toc.map(\.id) == ["b"])
        let shown = try Self.anyPage()
        #expect(shown.page.hasToc)
        let builtIn = Theme.builtIn
        #expect(try builtIn.render("page", page: shown).contains("href=\"#b\""))
        #expect(!(try builtIn.render("page", page: hidden)).contains("table-of-contents"))

        let items = "<!-- items -->[{{{page.tocItemsHTML}}}]({{#page.toc}}{{id}}{{/page.toc}})\n"
        let theme = try Theme.load(name: "t", directory: "/t", folder: ["templates/page.mustache": items])
        #expect(try theme.render("page", page: hidden) == "<!-- items -->[](b)\n")
        #expect(try theme.render("page", page: shown).contains("href=\"#b\""))
    }
}
