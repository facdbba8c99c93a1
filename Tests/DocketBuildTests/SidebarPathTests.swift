import DocketBuild
import DocketSite
import DocketTestSupport
import Foundation
import Testing

@testable import DocketTheme

/// The sidebar of a page joins the once-rendered halves of each category on its path around the
/// children: the result must equal running the template for each of those categories.
@Suite struct SidebarPathTests {
    /// A site with nested categories, a category with its own doc page, and a collapsed one.
    func site() throws -> Site {
        let root = Fixtures.temporaryDirectory("sidebar-path")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "docket.yml": "title: T\n",
                "content/intro.md": "# Intro\n",
                "content/guides/_category_.yml": "label: Guides & <Tips>\nlink:\n  type: doc\n  id: guides/index\n",
                "content/guides/index.md": "# Guides home\n",
                "content/guides/setup.md": "# Setup\n",
                "content/guides/deep/_category_.yml": "label: Deep\ncollapsed: true\n",
                "content/guides/deep/one.md": "# One\n",
                "content/guides/deep/two.md": "# Two\n",
                "content/ref/api.md": "# API\n",
            ], under: root)
        var options = BuildOptions()
        options.root = root.path
        return try SiteLoader.load(options).site
    }

    @Test func joinedHalvesEqualTheTemplateOnEveryPage() throws {
        let site = try site()
        let theme = Theme.builtIn
        let fast = try SidebarContext(site: site, theme: theme)
        let reference = try SidebarContext(site: site, theme: theme, splitsPath: false)
        #expect(site.pages.count == 6)
        #expect(fast.splitCategories == 3, "every category (guides, deep, ref) is split with the default theme")
        #expect(reference.splitCategories == 0)
        for page in site.pages {
            let html = try fast.html(activeID: page.id)
            #expect(html == (try reference.html(activeID: page.id)), "sidebar of \(page.id)")
            #expect(html.contains("menu__link--active"), "\(page.id) is marked active")
            #expect(!html.contains(SidebarContext.childrenMarker))
        }
        #expect(try fast.html(activeID: nil) == (try reference.html(activeID: nil)))
    }

    /// A theme that shows the children twice (or not at all) cannot be split: those categories
    /// are rendered with the template, and the result is still right.
    @Test(arguments: ["{{label}}[{{{itemsHTML}}}|{{{itemsHTML}}}]", "{{label}}{{#activePath}}*{{/activePath}}"])
    func aThemeThatCannotBeSplitStillRendersRight(_ template: String) throws {
        let site = try site()
        var files = DefaultThemeFiles.files
        files["templates/sidebar-items.mustache"] = template
        let theme = try Theme(files: files, displayRoot: "themes/odd", overridden: ["templates/sidebar-items.mustache"])
        let fast = try SidebarContext(site: site, theme: theme)
        let reference = try SidebarContext(site: site, theme: theme, splitsPath: false)
        #expect(fast.splitCategories == 0)
        for page in site.pages {
            #expect(
                try fast.html(activeID: page.id) == (try reference.html(activeID: page.id)), "sidebar of \(page.id)")
        }
    }
}
