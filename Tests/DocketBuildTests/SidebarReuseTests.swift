import DocketBuild
import DocketSite
import DocketTestSupport
import Foundation
import Testing

@testable import DocketTheme

/// `docket serve` makes the sidebar of a retitled or new page's site from the previous one's
/// rendered items: only items whose template data changed run the template, and every page's
/// sidebar is the same as a context made from nothing.
@Suite struct SidebarReuseTests {
    func site(_ files: [String: String]) throws -> Site {
        let root = Fixtures.temporaryDirectory("sidebar-reuse")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(files, under: root)
        var options = BuildOptions()
        options.root = root.path
        return try SiteLoader.load(options).site
    }

    static let files = [
        "docket.yml": "title: T\n",
        "content/intro.md": "# Intro\n",
        "content/guides/_category_.yml": "label: Guides\ncollapsed: false\nlink:\n  type: doc\n  id: guides/index\n",
        "content/guides/index.md": "# Guides home\n",
        "content/guides/setup.md": "# Setup\n",
        "content/guides/deep/_category_.yml": "label: Deep\ncollapsed: true\n",
        "content/guides/deep/one.md": "# One\n",
        "content/guides/deep/two.md": "# Two\n",
        "content/ref/api.md": "# API\n",
    ]

    @Test(arguments: [
        ("content/guides/deep/two.md", "# Two, retitled\n"),
        ("content/guides/deep/three.md", "# Three\n"),
        ("content/intro.md", "---\nsidebar_label: Start <here>\n---\n# Intro\n"),
    ])
    func reusedItemsGiveTheSameSidebar(_ change: (path: String, text: String)) throws {
        let theme = Theme.builtIn
        let before = try site(Self.files)
        var files = Self.files
        files[change.path] = change.text
        let after = try site(files)
        let old = try SidebarContext(site: before, theme: theme)
        let fresh = try SidebarContext(site: after, theme: theme)
        let reused = try SidebarContext(site: after, theme: theme, reusing: old.renders)
        #expect(reused.templateRuns > 0, "the changed item and the categories around it are rendered again")
        #expect(
            reused.templateRuns < fresh.templateRuns / 2,
            "\(reused.templateRuns) of \(fresh.templateRuns) items rendered")
        for page in after.pages {
            #expect(try reused.html(activeID: page.id) == (try fresh.html(activeID: page.id)), "sidebar of \(page.id)")
        }
        #expect(try reused.html(activeID: nil) == (try fresh.html(activeID: nil)))
        #expect(try reused.html(activeID: nil) != (try old.html(activeID: nil)), "the change shows")
    }

    @Test func nothingChangedRendersNothing() throws {
        let site = try site(Self.files)
        let first = try SidebarContext(site: site, theme: Theme.builtIn)
        let again = try SidebarContext(site: site, theme: Theme.builtIn, reusing: first.renders)
        #expect(again.templateRuns == 0)
        #expect(first.templateRuns > 0)
        #expect(again.renders.count == first.renders.count, "the renders kept are only this site's")
    }
}
