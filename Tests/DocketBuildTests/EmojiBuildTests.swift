import DocketBuild
import DocketTestSupport
import Foundation
import Testing

/// `markdown.emoji` reaches the rendered pages, runbook pages included.
@Suite struct EmojiBuildTests {
    private func page(config: String) throws -> String {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["docket.yml": config, "docs/a.md": "# A\n\nShip it :rocket:\n"], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("_site").path
        let result = SiteBuilder.build(options)
        #expect(result.succeeded, "\(result.diagnostics.all)")
        return try String(contentsOf: root.appendingPathComponent("_site/docs/a/index.html"), encoding: .utf8)
    }

    @Test func onByDefault() throws {
        #expect(try page(config: "title: T\n").contains("<p>Ship it 🚀</p>"))
    }

    @Test func offWithMarkdownEmojiFalse() throws {
        #expect(try page(config: "title: T\nmarkdown:\n  emoji: false\n").contains("<p>Ship it :rocket:</p>"))
    }
}
