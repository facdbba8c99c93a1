import DocketMarkdown
import DocketTestSupport
import Foundation
import Testing

/// Each `Tests/Fixtures/mdx/<case>/input.mdx` (or `input.md`) renders to `expected.html`: the page
/// HTML, the TOC entries and the diagnostics. `DOCKET_BLESS=1` re-blesses.
@Suite struct MDXGoldenTests {
    static let cases = Fixtures.cases("mdx")

    @Test(arguments: cases)
    func rendersAsBlessed(_ name: String) throws {
        let folder = Fixtures.url("mdx").appendingPathComponent(name)
        let isMDX = FileManager.default.fileExists(atPath: folder.appendingPathComponent("input.mdx").path)
        let file = isMDX ? "input.mdx" : "input.md"
        let input = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let parsed = MarkdownDocument.parse(input, lineOffset: 0, path: file, isMDX: isMDX)
        let (tree, toc) = HeadingAnchors.assign(parsed.root)
        var renderer = HTMLRenderer()
        renderer.docCards = [
            DocCardLink(label: "Setup", url: "/docs/guide/setup", description: "Install it"),
            DocCardLink(label: "More", url: "/docs/guide/more", description: nil),
        ]
        var output = renderer.render(document: tree, contentTitleIndex: tree.contentTitleIndex)
        output += "<!-- toc\n"
        for entry in toc {
            output += "\(entry.level) #\(entry.id) \(renderer.render(inlines: entry.title, plainLinks: true))\n"
        }
        output += "-->\n"
        for diagnostic in parsed.diagnostics.sorted { output += "<!-- \(diagnostic) -->\n" }
        if let difference = Golden.mismatch(output, file: folder.appendingPathComponent("expected.html")) {
            Issue.record(Comment(rawValue: difference))
        }
    }

    @Test func everyComponentHasACase() {
        #expect(Self.cases.count >= 4)
    }
}
