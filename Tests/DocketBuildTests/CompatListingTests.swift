import DocketBuild
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// `docket list` on a site with several sidebars lists every one of them, not only the first.
@Suite struct CompatListingTests {
    @Test func everyNamedSidebarIsListed() throws {
        let root = Fixtures.temporaryDirectory("compat-listing")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "docket.yml": "title: R\nsidebars:\n  guides: [intro]\n  api: [cli]\n",
                "docs/intro.md": "# Intro\n", "docs/cli.md": "# CLI\n", "docs/other.md": "# Other\n",
            ], under: root)
        var options = BuildOptions()
        options.root = root.path
        let loaded = try SiteLoader.load(options)
        let outline = SiteListing.outline(loaded.site)
        #expect(
            outline.hasPrefix(
                "Sidebar guides:\n  Intro  /docs/intro  [intro.md]\n\nSidebar api:\n  CLI  /docs/cli  [cli.md]\n"),
            "\(outline)")
        #expect(outline.contains("  Other  /docs/other  [other.md]"))
        let json = try JSONSerialization.jsonObject(with: Data(SiteListing.json(loaded).utf8)) as? [String: Any]
        let sidebars = json?["sidebars"] as? [String: [[String: Any]]]
        #expect(sidebars?["api"]?.first?["id"] as? String == "cli", "\(String(describing: json))")
        #expect((json?["sidebar"] as? [[String: Any]])?.first?["id"] as? String == "intro")
    }

    @Test func oneSidebarKeepsTheShortForm() throws {
        let root = Fixtures.temporaryDirectory("compat-listing")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["docket.yml": "title: R\n", "docs/intro.md": "# Intro\n"], under: root)
        var options = BuildOptions()
        options.root = root.path
        let loaded = try SiteLoader.load(options)
        #expect(SiteListing.outline(loaded.site) == "Intro  /docs/intro  [intro.md]\n")
        #expect(!SiteListing.json(loaded).contains("\"sidebars\""))
    }
}
