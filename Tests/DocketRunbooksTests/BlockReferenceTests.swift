import DocketRunbooks
import DocketSite
import Foundation
import Testing

/// `id=` on a displayed block and `from=` on a step: the step takes the displayed block's text,
/// and broken references (an unknown id, a cycle, a body as well as from=) are located errors.
@Suite struct BlockReferenceTests {
    static let front = "---\nrunbook:\n  id: x\n  title: X\n  params:\n    HOST: { example: host.example.com }\n---\n\n"

    static func extract(_ body: String) -> (Runbook?, [String]) {
        let parsed = PageParser.parse(text: front + body + "\n", source: "x.md", displayPath: "docs/x.md")
        let (runbook, diagnostics) = RunbookExtractor.extract(parsed, sourceLabel: "docs/x.md")
        return (runbook, diagnostics.all.map(\.description))
    }

    /// Page lines: the front matter takes 8 lines, so the body starts on line 9.
    static let shownThenWritten = """
        ```yaml id=site title="site.yaml"
        host: host.example.com
        port: 8080
        ```

        Some prose between the block and the step.

        ```yaml step=write-site file=site.yaml mode=write from=site
        ```
        """

    @Test func aFileStepTakesTheDisplayedBlocksText() throws {
        let (runbook, found) = Self.extract(Self.shownThenWritten)
        #expect(found.isEmpty, "\(found)")
        let step = try #require(runbook?.steps.first)
        #expect(step.name == "write-site")
        #expect(step.body == "host: host.example.com\nport: 8080")
        #expect(step.parts == [.text("host: "), .parameter("HOST"), .text("\nport: 8080")])
        #expect(step.parameters == ["HOST"])
        #expect(step.from == "site")
        // Line numbers follow the text: body line N is page line startLine + N.
        #expect(step.startLine == 9 && step.endLine == 12)
        #expect(step.fenceLine == 16)
        #expect(step.kind == .file && step.mode == .write && step.file == "site.yaml")
    }

    @Test func theStepChangesWhenTheDisplayedBlockChanges() throws {
        let (before, _) = Self.extract(Self.shownThenWritten)
        let (after, _) = Self.extract(Self.shownThenWritten.replacingOccurrences(of: "port: 8080", with: "port: 8081"))
        let old = try #require(before?.steps.first), new = try #require(after?.steps.first)
        #expect(new.body.hasSuffix("port: 8081"))
        #expect(old.hash != new.hash, "the journal must see that the step changed")
    }

    @Test func aShellStepCanRunADisplayedBlockWhichThenNeedsNoNorun() throws {
        let (runbook, found) = Self.extract(
            """
            ```bash id=ping
            curl -fsS https://host.example.com/health
            ```

            ```bash step=check from=ping
            ```
            """)
        #expect(found.isEmpty, "\(found)")
        let step = try #require(runbook?.steps.first)
        #expect(step.kind == .shell)
        #expect(step.body.contains("${HOST}"), "\(step.body)")
        #expect(!step.body.contains("host.example.com"))
    }

    @Test func aShellBlockWithAnIdNoStepUsesIsStillUntagged() {
        let (_, found) = Self.extract("```bash id=ping\necho host.example.com\n```")
        #expect(
            found.contains {
                $0.hasPrefix("docs/x.md:9:1: error: this bash block on a runbook page is neither a step")
            }, "\(found)")
    }

    @Test func referencesCanChain() throws {
        let (runbook, found) = Self.extract(
            """
            ```text id=original
            host.example.com
            ```

            ```text id=alias from=original
            ```

            ```text step=write file=hosts.txt from=alias
            ```
            """)
        #expect(found.isEmpty, "\(found)")
        let step = try #require(runbook?.steps.first)
        #expect(step.from == "original")
        #expect(step.startLine == 9)
    }

    @Test(arguments: [
        // An unknown id, at the column of from=, with the nearest id.
        (
            "```text id=site\nhost.example.com\n```\n\n```text step=w file=a.txt from=stie\n```",
            "docs/x.md:13:27: error: from=stie names no block on this page: give the displayed block id=stie, or did you mean 'site'?"
        ),
        // A body and from= both.
        (
            "```text id=site\nhost.example.com\n```\n\n```text step=w file=a.txt from=site\nmore text\n```",
            "docs/x.md:13:27: error: this block has a body and from=site"
        ),
        // A cycle of two blocks.
        (
            "```text id=a from=b\n```\n\n```text id=b from=a\n```\n\n```text step=w file=a.txt from=a\nhost.example.com\n```",
            "docs/x.md:9:14: error: from=b is a cycle: b → a → b"
        ),
        // A block naming itself.
        (
            "```text step=w file=a.txt id=w from=w\n```",
            "docs/x.md:9:32: error: from=w is a cycle: w → w"
        ),
        // An empty from=.
        (
            "```text step=w file=a.txt from=\n```",
            "docs/x.md:9:27: error: from= needs the id of a block on this page"
        ),
        // Two blocks with one id.
        (
            "```text id=site\nhost.example.com\n```\n\n```text id=site\nother\n```",
            "docs/x.md:13:9: error: a block with id 'site' already exists on this page (line 9)"
        ),
        // An id that is not a name.
        (
            "```text id=a/b\nhost.example.com\n```",
            "docs/x.md:9:9: error: block id 'a/b' must be letters, digits, '-' and '_'"
        ),
        // from= on a block that is neither a step nor named.
        (
            "```text id=site\nhost.example.com\n```\n\n```text from=site\n```",
            "docs/x.md:13:9: error: from= gives a step the content of a displayed block: add step=NAME"
        ),
    ])
    func brokenReferencesAreLocatedErrors(_ body: String, _ expected: String) {
        let (_, found) = Self.extract(body)
        #expect(found.contains { $0.hasPrefix(expected) }, "expected \(expected)\nfound \(found)")
    }

    @Test func aBrokenReferenceMakesNoStep() {
        let (runbook, found) = Self.extract(
            "```text step=w file=a.txt from=missing\n```\n\n```bash step=b\necho host.example.com\n```")
        #expect(found.contains { $0.contains("from=missing names no block") }, "\(found)")
        #expect(runbook?.steps.map(\.name) == ["b"] || runbook == nil)
    }

    /// The generated script writes the displayed block's text, with the operator's value.
    @Test func theScriptWritesTheDisplayedText() throws {
        let page = Self.front + Self.shownThenWritten + "\n"
        let harness = try ScriptHarness(page: page, id: "x")
        let run = try harness.run(["--yes", "--param", "HOST=db.internal"])
        #expect(run.status == 0, "\(run.output)")
        let written = try String(contentsOf: harness.home.appendingPathComponent("site.yaml"), encoding: .utf8)
        #expect(written == "host: db.internal\nport: 8080\n")
    }
}
