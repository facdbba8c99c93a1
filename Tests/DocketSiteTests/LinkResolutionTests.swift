import DocketDiagnostics
import DocketMarkdown
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// Docusaurus's link rules (compat §3.4, T12): `.md` links by file, URL links by page URL.
@Suite struct LinkResolutionTests {
    private func hrefs(of source: String, _ files: [String: String], config: String? = nil) throws -> (
        [String], [String]
    ) {
        var all = files.reduce(into: [String: String]()) { $0["docs/" + $1.key] = $1.value }
        if let config { all["docket.yml"] = config }
        let (site, diagnostics) = try SiteFixture.load(files: all)
        let page = try #require(site.pages.first { $0.source == source })
        let resolved = LinkResolver(site: site).resolve(page)
        var links: [String] = []
        resolved.rewrittenDocument.walk { node in
            if case .link(let destination, _) = node.kind { links.append(destination) }
            if case .image(let destination, _) = node.kind { links.append(destination) }
        }
        return (links, diagnostics.sorted.map(\.description))
    }

    /// A relative link that climbs out of the content folder and back in names a file on disk,
    /// as Docusaurus reads it; one that stays outside is still broken.
    @Test func aLinkBackIntoTheContentFolderResolves() throws {
        let (links, problems) = try hrefs(
            of: "a.md",
            [
                "a.md": "# A\n\n[b](../docs/b.md) [c](../docs/sub/c.md#part) [x](../other/b.md)\n",
                "b.md": "# B\n",
                "sub/c.md": "# C\n## Part\n",
            ])
        #expect(links == ["/docs/b", "/docs/sub/c#part", "../other/b.md"], "\(links)")
        #expect(problems.count == 1 && problems[0].contains("docs/a.md:3:"), "\(problems)")
        #expect(problems.first?.contains("broken link '../other/b.md'") == true, "\(problems)")
    }

    @Test func markdownAndURLLinksResolveLikeDocusaurus() throws {
        let (links, problems) = try hrefs(
            of: "guides/intro.md",
            [
                "guides/intro.md": """
                # Intro
                [a](./setup.md) [b](../api/README.md#auth) [c](setup.md) [d](/guides/setup.md?x=1#install)
                [e](./setup) [f](https://example.org/x.md) [g](#local) [h](./img/diagram.png) [i](/docs/guides/setup.md)
                ## Local
                """,
                "guides/setup.md": "# Setup\n## Install\n",
                "guides/img/diagram.png": "png",
                "api/README.md": "# API\n## Auth\n",
            ])
        #expect(problems.isEmpty, "\(problems)")
        #expect(
            links == [
                "/docs/guides/setup", "/docs/api/#auth", "/docs/guides/setup", "/docs/guides/setup?x=1#install",
                "/docs/guides/setup", "https://example.org/x.md", "#local", "/assets/content/guides/img/diagram.png",
                "/docs/guides/setup",
            ])
    }

    @Test func baseURLIsPrependedToAbsoluteLinks() throws {
        let (links, problems) = try hrefs(
            of: "a.md", ["a.md": "[b](/docs/b) [c](./b.md)\n", "b.md": "# B\n"], config: "baseUrl: /handbook/\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(links == ["/handbook/docs/b", "/handbook/docs/b"])
    }

    /// Links are collected once when the page is parsed, with their kind and where they are
    /// written (in a nested list, an admonition title, a table): the resolver checks that list.
    @Test func linksAreCollectedAtParseTimeWithKindAndRange() {
        let page = PageParser.parse(
            text: """
                ---
                title: T
                ---
                - item with [a](./a.md)
                  - nested ![img](./i.png)

                :::tip[See [t](#top)]
                Body.
                :::

                | col |
                | --- |
                | [c](/c) |
                """, source: "x.md", displayPath: "docs/x.md")
        #expect(page.links.map(\.destination) == ["./a.md", "./i.png", "#top", "/c"])
        #expect(page.links.map(\.kind) == [.link, .image, .link, .link])
        #expect(page.links.map { "\($0.line):\($0.column)" } == ["4:13", "5:12", "7:12", "13:3"])
    }

    /// Broken links and images are reported at the `[` or `!` where they are written, in
    /// document order, and the page's tree is not copied by resolving it.
    @Test func brokenLinksAreReportedWhereWrittenAndTheTreeIsShared() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (site, diagnostics) = try SiteFixture.load(files: [
            "docs/a.md": "# A\n\nSee ![gone](./gone.png) and\n  [missing](./missing.md) or [ok](./b.md#nope).\n",
            "docs/b.md": "# B\n",
        ])
        #expect(
            diagnostics.sorted.map(\.description) == [
                "docs/a.md:3:5: error: broken link './gone.png': no such file (resolved as /docs/gone.png)",
                "docs/a.md:4:3: error: broken link './missing.md': no page at missing.md in the content folder",
                "docs/a.md:4:30: warning: broken anchor in link './b.md#nope': docs/b.md has no heading with the id 'nope'",
            ], "\(diagnostics.sorted.map(\.description))")
        let page = try #require(site.pages.first { $0.source == "a.md" })
        let resolved = LinkResolver(site: site).resolve(page)
        #expect(resolved.linkURLs == ["./b.md#nope": "/docs/b#nope"])
        let storage = { (node: MarkdownNode) in
            node.children.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
        #expect(storage(resolved.document) == storage(page.parsed.document))
        let html = HTMLRenderer(linkURLs: resolved.linkURLs).render(document: resolved.document)
        #expect(html.contains("<a href=\"/docs/b#nope\">ok</a>") && html.contains("<img src=\"./gone.png\""), "\(html)")
    }
}
