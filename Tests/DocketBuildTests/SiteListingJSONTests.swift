import DocketBuild
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// `docket list --json` from Encodable types: the documented keys on each kind of item.
@Suite struct SiteListingJSONTests {
    @Test func eachItemKindHasItsKeys() throws {
        let root = Fixtures.temporaryDirectory("listing")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "docket.yml": "title: T\n",
                "content/intro.md": "---\ntitle: \"Intro \\\"quoted\\\" / é\"\n---\n# Intro\n",
                "content/guides/_category_.yml": "label: Guides\n",
                "content/guides/setup.md": "# Setup\n",
            ], under: root)
        var options = BuildOptions()
        options.root = root.path
        let text = SiteListing.json(try SiteLoader.load(options).site)
        #expect(text.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let pages = try #require(object["pages"] as? [[String: Any]])
        #expect(pages.count == 2)
        #expect(
            pages.contains { $0["title"] as? String == "Intro \"quoted\" / é" && $0["url"] as? String == "/docs/intro" }
        )
        let sidebar = try #require(object["sidebar"] as? [[String: Any]])
        let category = try #require(sidebar.first { $0["type"] as? String == "category" })
        #expect(category["url"] is NSNull, "a category without a page has a null url")
        #expect(category["id"] == nil)
        let items = try #require(category["items"] as? [[String: Any]])
        #expect(items.first?["id"] as? String == "guides/setup")
        #expect(items.first?["items"] == nil, "docs have no items key")
        #expect(
            text.contains("\"title\" : \"Intro \\\"quoted\\\" / é\""), "slashes and non-ASCII are written as they are")
    }
}
