import DocketDiagnostics
import DocketMarkdown
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// An admonition's title is a child node of the directive, so links in it are resolved and
/// checked like any other link of the page (they used to reach the HTML as written).
@Suite struct DirectiveTitleLinkTests {
    private func resolve(_ files: [String: String], page source: String) throws -> (html: String, problems: [String]) {
        let (site, diagnostics) = try SiteFixture.load(
            files: files.reduce(into: [String: String]()) { $0["docs/" + $1.key] = $1.value })
        let page = try #require(site.pages.first { $0.source == source })
        let resolved = LinkResolver(site: site).resolve(page)
        return (
            HTMLRenderer(linkURLs: resolved.linkURLs).render(document: resolved.document),
            diagnostics.sorted.map(\.description)
        )
    }

    @Test func markdownLinkInABracketTitleBecomesThePageURL() throws {
        let (html, problems) = try resolve(
            [
                "a.md": "# A\n\n:::note[Read [the setup](./b.md#install) first]\nBody.\n:::\n",
                "b.md": "# B\n\n## Install\n",
            ], page: "a.md")
        #expect(problems.isEmpty, "\(problems)")
        #expect(
            html.contains(
                #"<span class="admonition-icon"></span>Read <a href="/docs/b#install">the setup</a> first</div>"#),
            "\(html)")
        #expect(!html.contains("./b.md"))
    }

    @Test func markdownLinkInASpaceTitleBecomesThePageURL() throws {
        let (html, problems) = try resolve(
            ["a.md": ":::tip See [B](b.md)\nBody.\n:::\n", "b.md": "# B\n"], page: "a.md")
        #expect(problems.isEmpty, "\(problems)")
        #expect(html.contains(#"See <a href="/docs/b">B</a></div>"#), "\(html)")
    }

    @Test func brokenLinkInATitleIsReportedWhereItIsWritten() throws {
        // Line 3 of the file; the link's `[` is byte 14 of `:::warning[x [gone](./missing.md)]`.
        let (_, problems) = try resolve(
            ["a.md": "# A\n\n:::warning[x [gone](./missing.md)]\nBody.\n:::\n"], page: "a.md")
        #expect(
            problems == [
                "docs/a.md:3:14: error: broken link './missing.md': no page at missing.md in the content folder"
            ], "\(problems)")
    }

    @Test func brokenAnchorInAnMDXAdmonitionTitleStaysText() throws {
        // An MDX `title="…"` is a string, not Markdown: nothing in it is a link to check.
        let (html, problems) = try resolve(
            ["a.mdx": "<Admonition type=\"note\" title=\"[x](./missing.md)\">\nBody.\n</Admonition>\n"], page: "a.mdx")
        #expect(problems.isEmpty, "\(problems)")
        #expect(html.contains("[x](./missing.md)</div>"), "\(html)")
    }

    @Test func titleIsTheDirectivesFirstChild() {
        let root = MarkdownDocument.parse(":::info[**Bold** title]\nText.\n:::\n", path: "t.md").root
        let directive = root.children[0]
        #expect(directive.directiveTitle?.plainText == "Bold title")
        #expect(directive.directiveBlocks.count == 1)
        var seen: [String] = []
        root.walk { if case .strong = $0.kind { seen.append($0.plainText) } }
        #expect(seen == ["Bold"])
        #expect(directive.directiveTitle?.range == SourceRange(startLine: 1, startColumn: 9, endLine: 1, endColumn: 22))
    }
}
