import DocketBuild
import DocketMarkdown
import DocketTestSupport
import Foundation
import Testing

@testable import DocketSite
@testable import DocketTheme

/// A build renders each page's body as it parses it and drops the tree (`PreparedBody`): every
/// page and every search file must be what the tree makes, and the pages that need their trees
/// later (runbooks, `<DocCardList/>`) must keep them.
@Suite struct PreparedBodyTests {
    /// Links that a late fill could get wrong: web links (a new tab), titles between the URL and
    /// the tab attributes, quotes and ampersands to escape, the same destination twice, links in
    /// headings, admonition titles, tables and footnotes, images, references and autolinks.
    static let linkPage = """
        ---
        title: Links "and" <things>
        description: A & B
        keywords: [one, two]
        ---

        # Links [home](./b.md)

        See [b](./b.md "B's \\"title\\""), [b again](./b.md), [web](https://example.com/?a=1&b="2" 'T&C'),
        [proto](//cdn.example.com/x), [mail](mailto:a@example.com), [anchor](#links-home),
        <https://auto.example.com/a?b&c>, [ref][r], ![pic](./img.png "A picture"), ![web pic](http://x.test/a.png),
        [broken](./missing.md) and :tada: emoji.

        [r]: ./sub/c.md#part

        ## A [heading link](b.md) with `code`

        :::tip[Title with [a link](./b.md)]

        Inside [a tip](https://example.com "tip").

        :::

        | a | b |
        |---|---|
        | [cell](./b.md) | ![i](img.png) |

        Footnote[^1] here.

        [^1]: A note with [a link](./b.md).

        <a href="./b.md">raw html link</a>
        """

    static let files: [String: String] = [
        "docket.yml": "title: T\nonBrokenLinks: warn\n",
        "content/a.md": linkPage,
        "content/b.md": "# B\n\nBack to [a](a.md).\n",
        "content/img.png": "png",
        "content/sub/c.md": "---\nsidebar_position: 1\n---\n\n# C\n\n## Part\n\n[up](../a.md)\n",
        "content/sub/index.md": "# Sub\n\n<DocCardList />\n",
        "content/r.md": """
        ---
        runbook:
          id: r
          title: R
        ---

        # R

        ```bash step=one
        echo one
        ```
        """,
    ]

    /// Every page's HTML and the search files, with the bodies prerendered and without.
    static func compare(root: URL, content: String? = nil) throws -> (prepared: Int, kept: [String]) {
        var options = BuildOptions()
        options.root = root.path
        options.content = content
        options.brokenLinks = .warn
        let trees = try SiteLoader.load(options).site
        let prepared = try SiteLoader.load(options, prerendersBodies: true).site
        #expect(trees.pages.count == prepared.pages.count)
        #expect(trees.pages.allSatisfy { $0.parsed.prepared == nil })
        let theme = Theme.builtIn
        let treeContext = try PageContext(site: trees, theme: theme)
        let preparedContext = try PageContext(site: prepared, theme: theme)
        var kept: [String] = []
        for (tree, page) in zip(trees.pages, prepared.pages) {
            if page.parsed.prepared == nil {
                kept.append(page.source)
            } else {
                #expect(page.parsed.document.children.isEmpty, "\(page.source): the tree is dropped")
                #expect(
                    page.parsed.toc.allSatisfy { $0.title.isEmpty && $0.titleHTML != nil },
                    "\(page.source): the TOC titles are rendered and their nodes dropped")
            }
            let expected = try theme.render(
                "page", page: treeContext.page(LinkResolver(site: trees).resolve(tree)))
            let actual = try theme.render(
                "page", page: preparedContext.page(LinkResolver(site: prepared).resolve(page)))
            #expect(actual == expected, "\(page.source)")
        }
        let treeFiles = SearchIndex.files(trees)
        let preparedFiles = SearchIndex.files(prepared)
        #expect(preparedFiles.map(\.path) == treeFiles.map(\.path))
        for (tree, file) in zip(treeFiles, preparedFiles) { #expect(file.content == tree.content, "\(file.path)") }
        return (prepared.pages.count - kept.count, kept.sorted())
    }

    @Test func aPreparedPageIsWhatItsTreeMakes() throws {
        let folder = Fixtures.temporaryDirectory("prepared")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(Self.files, under: folder)
        let (prepared, kept) = try Self.compare(root: folder)
        #expect(prepared == 3)
        #expect(kept == ["r.md", "sub/index.md"], "a runbook page and a card list keep their trees")
    }

    @Test func withoutEmojiThePreparedBodyKeepsTheShortcode() throws {
        let folder = Fixtures.temporaryDirectory("prepared-emoji")
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = Self.files
        files["docket.yml"] = "title: T\nonBrokenLinks: warn\nmarkdown:\n  emoji: false\n"
        try Fixtures.write(files, under: folder)
        _ = try Self.compare(root: folder)
    }

    @Test func theFixtureSitesAndThisProjectBuildAlike() throws {
        _ = try Self.compare(root: Fixtures.url("sites/basic"))
        _ = try Self.compare(root: Fixtures.url("versions/basic"))
        let (prepared, kept) = try Self.compare(root: Fixtures.packageRoot)
        #expect(prepared > 10)
        #expect(!kept.isEmpty, "this project's runbook pages keep their trees")
    }

    /// The fill alone, on every Markdown fixture: no URLs, and every destination given one (a
    /// web URL, one to escape, a site path).
    @Test func theFillWritesWhatTheRendererWrites() throws {
        for name in Fixtures.cases("markdown") {
            let text = try String(contentsOf: Fixtures.url("markdown/\(name)/input.md"), encoding: .utf8)
            let root = MarkdownDocument.parse(text, path: name).root
            var destinations = Set<String>()
            var links = PageReferences(path: name)
            links.read(root)
            for link in links.links { destinations.insert(link.destination) }
            let urls = Dictionary(
                uniqueKeysWithValues: destinations.sorted().enumerated().map { index, destination in
                    (
                        destination,
                        ["https://w.test/\(index)?a&b=\"c\"", "/docs/x\(index)/", "//cdn.test/\(index)"][index % 3]
                    )
                })
            let linked = HTMLRenderer().renderLinked(document: root, contentTitleIndex: root.contentTitleIndex)
            for table in [[:], urls] {
                let expected = HTMLRenderer(linkURLs: table).render(
                    document: root, contentTitleIndex: root.contentTitleIndex)
                #expect(linked.html(linkURLs: table) == expected, "\(name)")
            }
        }
    }
}

/// A build gives each prepared part back once its one reader is done; every copy of the page
/// sees the release, and the other parts stay.
@Suite struct PreparedBodyReleaseTests {
    @Test func aReleasedPartIsGoneFromEveryCopyOfThePage() throws {
        let folder = Fixtures.temporaryDirectory("prepared-release")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(PreparedBodyTests.files, under: folder)
        var options = BuildOptions()
        options.root = folder.path
        options.brokenLinks = .warn
        let site = try SiteLoader.load(options, prerendersBodies: true).site
        let page = try #require(site.pages.first { $0.source == "a.md" })
        let copy = page
        let prepared = try #require(page.parsed.prepared)
        #expect(prepared.html != nil)
        prepared.releaseHTML()
        #expect(copy.parsed.prepared?.html == nil)
        #expect(copy.parsed.prepared?.searchSections != nil, "the search sections are released on their own")

        var files = 0
        SearchIndex.write(site, releasingSections: true) { _, _ in files += 1 }
        #expect(files >= 3)
        for page in site.pages {
            if let prepared = page.parsed.prepared { #expect(prepared.searchSections == nil, "\(page.source)") }
        }
        let other = try #require(site.pages.first { $0.source == "b.md" })
        #expect(other.parsed.prepared?.html != nil, "a page's body stays until that page is written")
    }
}
