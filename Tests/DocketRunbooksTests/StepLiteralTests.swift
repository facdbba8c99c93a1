import DocketRunbooks
import DocketSite
import Foundation
import Testing

/// A step keeps the text and place of the block it runs, so placeholder lint finds it there
/// without looking the block up again: in its own block, or in the displayed block `from=` names,
/// also when that block is indented in a list.
@Suite struct StepLiteralTests {
    private static let front =
        "---\nrunbook:\n  id: x\n  title: X\n  params:\n    HOST: { example: host.example.com }\n---\n\n"

    private func extract(_ body: String) -> (Runbook?, [String]) {
        let parsed = PageParser.parse(text: Self.front + body + "\n", source: "x.md", displayPath: "docs/x.md")
        let (runbook, diagnostics) = RunbookExtractor.extract(parsed, sourceLabel: "docs/x.md")
        return (runbook, diagnostics.all.map(\.description))
    }

    @Test func aStepKeepsItsBlocksLiteralAndColumn() throws {
        let (runbook, _) = extract("1. Run:\n\n   ```bash step=a\n   ping host.example.com\n   ```\n")
        let step = try #require(runbook?.steps.first)
        #expect(step.literal == "ping host.example.com\n")
        #expect(step.startLine == 11 && step.startColumn == 4)
    }

    @Test func aPlaceholderInAnIndentedBlockIsLocatedInIt() {
        let (_, found) = extract("1. Run:\n\n   ```bash step=a\n   ping host.example.com <your-token>\n   ```\n")
        #expect(
            found.contains {
                $0.hasPrefix(
                    "docs/x.md:12:26: error: '<your-token>' looks like a placeholder but is no parameter's example")
            }, "\(found)")
    }

    @Test func aPlaceholderInTheDisplayedBlockIsLocatedThere() {
        let body = """
            ```yaml id=site
            host: host.example.com
            token: <your-token>
            ```

            ```yaml step=w file=site.yaml from=site
            ```
            """
        let (runbook, found) = extract(body)
        #expect(runbook?.steps.first?.literal == "host: host.example.com\ntoken: <your-token>\n")
        #expect(
            found.contains {
                $0.hasPrefix(
                    "docs/x.md:11:8: error: '<your-token>' looks like a placeholder but is no parameter's example")
            }, "\(found)")
    }
}
