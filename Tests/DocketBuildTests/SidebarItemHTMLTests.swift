import DocketBuild
import DocketSite
import DocketTestSupport
import Foundation
import Testing

@testable import DocketTheme

/// A sidebar item made without Mustache (`SidebarItemView.builtInHTML`) is what the built-in
/// `sidebar-items.mustache` makes of it, in every state; a theme with its own `sidebar-items` or
/// `icon-external` still runs its templates.
@Suite struct SidebarItemHTMLTests {
    /// One item of a small site, to start from (the view is made from a site's sidebar item).
    static func anyItem() throws -> SidebarItemView {
        let root = Fixtures.temporaryDirectory("sidebar-items")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["docket.yml": "title: T\n", "content/a.md": "# A\n"], under: root)
        var options = BuildOptions()
        options.root = root.path
        let site = try SiteLoader.load(options).site
        let entry = try #require(site.sidebar.first)
        return SidebarItemView(entry, level: 1, site: site, active: false, onPath: false, childrenHTML: "")
    }

    @Test func theNativeItemIsWhatTheBuiltInTemplateMakes() throws {
        let theme = Theme.builtIn
        let icon = try #require(theme.sidebarItemsIcon)
        var item = try Self.anyItem()
        var state: UInt64 = 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let texts = ["Setup", "a & b <c> \"d\" 'e'", "{{label}}", "", "日本 e\u{301}", "‘quoted’"]
        let urls: [String?] = [nil, "/docs/a/", "", "https://example.com/?a=1&b=\"2\"", "/d/e\u{301}"]
        for _ in 0..<2_000 {
            item.kind = [.doc, .link, .category][next(3)]
            item.level = 1 + next(5)
            item.label = texts[next(texts.count)]
            item.key = texts[next(texts.count)]
            item.url = urls[next(urls.count)]
            item.className = [nil, "", "hot", "a<b"][next(4)]
            item.itemsHTML = ["", "<li>x</li>\n", "{{not a tag}}"][next(3)]
            (item.active, item.activePath, item.external) = (next(2) == 0, next(2) == 0, next(2) == 0)
            (item.expanded, item.collapsible, item.hasLazyItems) = (next(2) == 0, next(2) == 0, next(2) == 0)
            let native = item.builtInHTML(icon: icon)
            let template = try theme.render("sidebar-items", TemplateRef(item) as Any)
            #expect(native == template, "\(item)")
            if native != template { break }
        }
    }

    @Test(arguments: [
        ["templates/sidebar-items.mustache": "<li>{{label}}</li>\n"],
        ["templates/icon-external.mustache": "<i>{{label}}</i>"],
    ])
    func aThemeWithItsOwnItemTemplatesRunsThem(_ folder: [String: String]) throws {
        let theme = try Theme.load(name: "t", directory: "/t", folder: folder)
        #expect(theme.sidebarItemsIcon == nil)
        var item = try Self.anyItem()
        item.external = true
        item.kind = .link
        #expect(
            try theme.render("sidebar-items", item: item).contains(folder.keys.first!.contains("icon") ? "<i>" : "<li>")
        )
    }
}
