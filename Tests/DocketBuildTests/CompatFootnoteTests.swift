import DocketBuild
import DocketDiagnostics
import DocketTestSupport
import Foundation
import Testing

/// Footnotes render as remark-gfm renders them in Docusaurus: `user-content-` prefixed ids, a
/// visually hidden "Footnotes" heading that every reference points at, and back links inside
/// the note's last paragraph.
@Suite struct CompatFootnoteTests {
    private func build(_ files: [String: String]) throws -> (html: String, problems: [String]) {
        let root = Fixtures.temporaryDirectory("compat-footnotes")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            files.merging(["docket.yml": "title: F\nurl: https://f.example\n"]) { a, _ in a }, under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("out").path
        let result = SiteBuilder.build(options)
        let html = try String(contentsOf: root.appendingPathComponent("out/docs/notes/index.html"), encoding: .utf8)
        return (html, result.diagnostics.sorted.map(\.description))
    }

    @Test func referencesAndSectionUseTheDocusaurusMarkup() throws {
        let (html, problems) = try build([
            "docs/notes.md": "# Notes\n\nA claim[^a] and another[^b].\n\n[^a]: First note.\n[^b]: Second note.\n"
        ])
        #expect(problems.isEmpty, "\(problems)")
        #expect(
            html.contains(
                "<sup><a href=\"#user-content-fn-1\" id=\"user-content-fnref-1\" data-footnote-ref=\"\" aria-describedby=\"footnote-label\">1</a></sup>"
            ))
        #expect(html.contains("<sup><a href=\"#user-content-fn-2\" id=\"user-content-fnref-2\""))
        #expect(
            html.contains(
                "<section data-footnotes=\"\" class=\"footnotes\"><h2 class=\"sr-only\" id=\"footnote-label\">Footnotes</h2>"
            ))
        #expect(
            html.contains(
                "<li id=\"user-content-fn-1\">\n<p>First note. <a href=\"#user-content-fnref-1\" data-footnote-backref=\"\" aria-label=\"Back to reference 1\" class=\"data-footnote-backref\">↩</a></p>\n</li>"
            ))
        #expect(!html.contains("href=\"#fn-"), "old cmark-style anchors remain")
        // The hidden heading is no TOC entry.
        #expect(!html.contains("href=\"#footnote-label\""))
    }

    @Test func aNoteEndingInAListGetsItsBackLinkAfterIt() throws {
        let (html, _) = try build([
            "docs/notes.md": "# Notes\n\nSee[^x].\n\n[^x]: Items:\n\n    - one\n    - two\n"
        ])
        #expect(
            html.contains("</ul>\n<a href=\"#user-content-fnref-1\" data-footnote-backref=\"\""),
            "back link missing after the list")
    }

    @Test func aRepeatedReferenceGetsItsOwnIdAndBackLink() throws {
        let (html, _) = try build([
            "docs/notes.md": "# Notes\n\nOnce[^a], twice[^a].\n\n[^a]: The note.\n"
        ])
        #expect(html.contains("id=\"user-content-fnref-1\""))
        #expect(html.contains("<a href=\"#user-content-fn-1\" id=\"user-content-fnref-1-2\""))
        #expect(
            html.contains(
                "<p>The note. <a href=\"#user-content-fnref-1\" data-footnote-backref=\"\" aria-label=\"Back to reference 1\" class=\"data-footnote-backref\">↩</a> <a href=\"#user-content-fnref-1-2\" data-footnote-backref=\"\" aria-label=\"Back to reference 1-2\" class=\"data-footnote-backref\">↩<sup>2</sup></a></p>"
            ))
    }

    @Test func aLinkToAFootnoteAnchorIsNoBrokenLink() throws {
        let (_, problems) = try build([
            "docs/notes.md": "# Notes\n\nA claim[^a]; [see the note](#user-content-fn-1).\n\n[^a]: The note.\n"
        ])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func aReferenceInAHeadingIsPlainInTheTableOfContents() throws {
        let (html, _) = try build([
            "docs/notes.md": "# Notes\n\n## Heading with note[^a]\n\nText.\n\n[^a]: The note.\n"
        ])
        let ids = html.components(separatedBy: "id=\"user-content-fnref-1\"").count - 1
        #expect(ids == 1, "the reference id appears \(ids) times")
        #expect(html.contains("href=\"#heading-with-note\">Heading with note<sup>1</sup></a>"))
    }

    @Test func aPageWithoutFootnotesHasNoSection() throws {
        let (html, _) = try build(["docs/notes.md": "# Notes\n\nNo notes [^here] at all.\n"])
        #expect(!html.contains("data-footnotes"))
        #expect(!html.contains("footnote-label"))
    }
}
