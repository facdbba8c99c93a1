import DocketBuild
import DocketSite
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

    /// `sidebar.json` (written by hand) reads back as the sidebar's values, whatever the labels
    /// hold: quotes, backslashes, slashes, control characters, U+2028, emoji; a link's href as
    /// written, a page's URL; `className` and `customProps` (sorted keys) only when set.
    @Test func sidebarJSONReadsBackAsTheSidebar() throws {
        struct Node: Decodable, Equatable {
            var type: String
            var label: String
            var key: String
            var url: String?
            var items: [Node]
            var className: String?
        }
        let site = try BuiltSite(
            [
                "docket.yml": #"""
                title: T
                sidebars:
                  main:
                    - { type: doc, id: quote, label: "Say \"hi\" \\ /path \u2028 ✓ 🎉", className: q, key: k1 }
                    - { type: link, label: "Docs & more", href: "https://example.com/a?b=1&c=\"2\"" }
                    - type: category
                      label: "Tab\tbed\u0001"
                      className: cat
                      customProps: { list: [1, 2.5, true, null, "x/y"], nested: { b: 1, a: "z" } }
                      items: [plain]
                """#,
                "docs/quote.md": "# Quote\n",
                "docs/plain.md": "# Plain\n",
            ])
        defer { site.remove() }
        #expect(site.result.succeeded, "\(site.result.diagnostics.all)")
        let json = try site.read("assets/docket/sidebar.json")
        let nodes = try JSONDecoder().decode([Node].self, from: Data(json.utf8))
        try #require(nodes.count == 3, "\(json)")
        #expect(
            nodes[0]
                == Node(
                    type: "doc", label: "Say \"hi\" \\ /path \u{2028} ✓ 🎉", key: "k1", url: "/docs/quote", items: [],
                    className: "q"))
        #expect(
            nodes[1]
                == Node(
                    type: "link", label: "Docs & more", key: "https://example.com/a?b=1&c=\"2\"",
                    url: "https://example.com/a?b=1&c=\"2\"", items: [], className: nil))
        #expect(nodes[2].type == "category" && nodes[2].label == "Tab\tbed\u{1}" && nodes[2].className == "cat")
        #expect(nodes[2].url == nil, "a category without a page has no url")
        #expect(
            nodes[2].items
                == [Node(type: "doc", label: "Plain", key: "plain", url: "/docs/plain", items: [], className: nil)])
        #expect(json.contains(#""customProps":{"list":[1,2.5,true,null,"x/y"],"nested":{"a":"z","b":1}}"#), "\(json)")
        #expect(!json.contains("className\":null") && !json.contains("customProps\":null"), "unset keys are left out")
        #expect(json.contains(#"/path \u2028"#), "U+2028 is escaped, / is not")
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
