import DocketBuild
import DocketTestSupport
import Foundation
import Testing

/// `markdown.emoji` reaches the rendered pages, runbook pages included.
@Suite struct EmojiBuildTests {
    private func page(config: String) throws -> String {
        let site = try BuiltSite(["docket.yml": config, "docs/a.md": "# A\n\nShip it :rocket:\n"])
        defer { site.remove() }
        #expect(site.result.succeeded, "\(site.result.diagnostics.all)")
        return try site.read("docs/a/index.html")
    }

    @Test func onByDefault() throws {
        #expect(try page(config: "title: T\n").contains("<p>Ship it 🚀</p>"))
    }

    @Test func offWithMarkdownEmojiFalse() throws {
        #expect(try page(config: "title: T\nmarkdown:\n  emoji: false\n").contains("<p>Ship it :rocket:</p>"))
    }
}
