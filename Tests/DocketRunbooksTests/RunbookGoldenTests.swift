import DocketRunbooks
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// Each `Tests/Fixtures/runbooks/<case>/page.md` extracts to the blessed script, manifest and
/// diagnostics in `expected/`. `DOCKET_BLESS=1` re-blesses.
@Suite struct RunbookGoldenTests {
    static let cases = Fixtures.cases("runbooks")

    @Test(arguments: cases)
    func extractsAsBlessed(_ name: String) throws {
        let folder = Fixtures.url("runbooks").appendingPathComponent(name)
        let text = try String(contentsOf: folder.appendingPathComponent("page.md"), encoding: .utf8)
        let page = PageParser.parse(text: text, source: "page.md", displayPath: "docs/page.md")
        let (runbook, diagnostics) = RunbookExtractor.extract(page, sourceLabel: "docs/page.md")
        let expected = folder.appendingPathComponent("expected")
        var outputs = ["diagnostics.txt": diagnostics.sorted.map(\.description).joined(separator: "\n") + "\n"]
        if let runbook, !diagnostics.hasErrors {
            outputs["script.sh"] = ScriptGenerator.script(for: runbook)
            outputs["manifest.json"] = ManifestGenerator.manifest(for: runbook)
        }
        for (file, content) in outputs {
            if let difference = Golden.mismatch(content, file: expected.appendingPathComponent(file)) {
                Issue.record(Comment(rawValue: difference))
            }
        }
    }

    @Test func everyCaseIsThere() {
        #expect(Self.cases == ["all-kinds", "lint", "quoting"])
    }
}
