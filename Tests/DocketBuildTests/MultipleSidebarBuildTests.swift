import DocketBuild
import DocketTestSupport
import Foundation
import Testing

/// Each page shows the sidebar it reads in, `displayed_sidebar: null` shows none, and
/// `sidebar.json` carries every sidebar with `className` and `customProps`.
@Suite struct MultipleSidebarBuildTests {
    @Test func pagesShowTheirOwnSidebar() throws {
        let site = try BuiltSite(
            [
                "docket.yml": """
                title: T
                sidebars:
                  guides:
                    - intro
                    - { type: doc, id: setup, className: setup-item, customProps: { badge: new } }
                  api: [reference]
                """,
                "docs/intro.md": "# Intro\n",
                "docs/setup.md": "# Setup\n",
                "docs/reference.md": "# Reference\n",
                "docs/alone.md": "---\ndisplayed_sidebar: null\n---\n# Alone\n",
            ])
        defer { site.remove() }
        #expect(site.result.succeeded, "\(site.result.diagnostics.all)")
        func read(_ path: String) throws -> String { try site.read(path) }
        func sidebar(_ html: String) -> String {
            guard let start = html.range(of: "<nav class=\"sidebar menu\""),
                let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
            else { return "" }
            return String(html[start.lowerBound..<end.upperBound])
        }
        let intro = sidebar(try read("docs/intro/index.html"))
        #expect(intro.contains("href=\"/docs/setup\""))
        #expect(intro.contains("setup-item"))
        #expect(!intro.contains("href=\"/docs/reference\""))
        let reference = sidebar(try read("docs/reference/index.html"))
        #expect(reference.contains("href=\"/docs/reference\""))
        #expect(!reference.contains("href=\"/docs/intro\""))
        let alone = sidebar(try read("docs/alone/index.html"))
        #expect(!alone.contains("menu__link"))
        // Reading order stays inside the "guides" sidebar.
        #expect(!(try read("docs/setup/index.html")).contains("href=\"/docs/reference\""))
        let json = try read("assets/docket/sidebar.json")
        #expect(json.contains("\"customProps\":{\"badge\":\"new\"}"), "\(json)")
        #expect(json.contains("\"/docs/reference\""))
    }

    /// A doc listed twice in one list is active at both places on its page (its item is found by
    /// id in the list, not by comparing every item); its other listing, in a category off its
    /// path, stays at rest.
    @Test func aDocListedTwiceIsActiveAtBothPlaces() throws {
        let site = try BuiltSite(
            [
                "docket.yml": """
                title: T
                sidebars:
                  main:
                    - a
                    - b
                    - a
                    - { type: category, label: Again, items: [b, a] }
                """,
                "docs/a.md": "# A\n",
                "docs/b.md": "# B\n",
            ])
        defer { site.remove() }
        #expect(site.result.succeeded, "\(site.result.diagnostics.all)")
        let a = try site.read("docs/a/index.html")
        #expect(a.components(separatedBy: "menu__link--active").count - 1 == 2)
        let b = try site.read("docs/b/index.html")
        #expect(b.components(separatedBy: "menu__link--active").count - 1 == 1)
    }
}
