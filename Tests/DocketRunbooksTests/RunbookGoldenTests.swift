import DocketRunbooks
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// Each `Tests/Fixtures/runbooks/<case>/page.md` extracts to the blessed script, manifest and
/// diagnostics in `expected/`. `DOCKET_BLESS=1` re-blesses. The scripts' fixed runtime is the
/// same for every runbook, so the golden scripts hold only the generated part (the behaviour
/// tests cover the runtime).
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
            let script = ScriptGenerator.script(for: runbook)
            #expect(script.hasSuffix(ScriptRuntime.text + "\n"), "the script ends with the runtime")
            outputs["script.sh"] = String(script.dropLast(ScriptRuntime.text.count + 1)) + "# (the runtime follows)\n"
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
