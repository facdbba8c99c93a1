import DocketMarkdown
import DocketTestSupport
import Foundation
import Testing

/// Each `Tests/Fixtures/markdown/<case>/input.md` renders to `expected.html` (the page HTML, then
/// the TOC entries and any diagnostics). `DOCKET_BLESS=1` re-blesses.
@Suite struct MarkdownGoldenTests {
    static let cases = Fixtures.cases("markdown")

    @Test(arguments: cases)
    func rendersAsBlessed(_ name: String) throws {
        let folder = Fixtures.url("markdown").appendingPathComponent(name)
        let input = try String(contentsOf: folder.appendingPathComponent("input.md"), encoding: .utf8)
        let parsed = MarkdownDocument.parse(input, lineOffset: 0, path: "input.md")
        let (tree, toc) = HeadingAnchors.assign(parsed.root)
        var output = HTMLRenderer().render(document: tree, contentTitleIndex: tree.contentTitleIndex)
        output += "<!-- toc\n"
        for entry in toc {
            output += "\(entry.level) #\(entry.id) \(HTMLRenderer().render(inlines: entry.title, plainLinks: true))\n"
        }
        output += "-->\n"
        for diagnostic in parsed.diagnostics.sorted { output += "<!-- \(diagnostic) -->\n" }
        if let difference = Golden.mismatch(output, file: folder.appendingPathComponent("expected.html")) {
            Issue.record(Comment(rawValue: difference))
        }
    }

    /// Every case folder has its input and its golden file, so none is skipped unnoticed.
    @Test func everyCaseHasAGoldenFile() throws {
        try #require(!Self.cases.isEmpty, "no cases under \(Fixtures.url("markdown").path)")
        for name in Self.cases {
            let folder = Fixtures.url("markdown").appendingPathComponent(name)
            for file in ["input.md", "expected.html"] {
                #expect(
                    FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path)
                        || (file == "expected.html" && Golden.blessing),
                    "Tests/Fixtures/markdown/\(name) has no \(file)")
            }
        }
    }
}
