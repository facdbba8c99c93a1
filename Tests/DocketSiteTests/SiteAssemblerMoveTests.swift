import DocketSite
import Testing

/// `SiteAssembler` moves each parsed page into the site's page instead of copying it; what it
/// judges first (drafts, pages kept from an earlier assembly) must not read the moved-from slots.
@Suite struct SiteAssemblerMoveTests {
    static func parsed(_ files: [(String, String)]) -> [ParsedPage] {
        files.map { PageParser.parse(text: $1, source: $0, displayPath: "docs/" + $0) }
    }

    static func assemble(
        _ parsed: [ParsedPage], drafts: Bool = false, reusing previous: Site? = nil, changed: Set<String> = []
    )
        -> Site
    {
        var config = SiteConfig()
        config.includeDrafts = drafts
        return SiteAssembler.assemble(
            parsed: parsed, categories: [:], config: config, staticFiles: [], contentFiles: [],
            contentDisplayPath: "docs", reusing: previous, changed: changed)
    }

    static let files = [
        ("a.md", "# Alpha\n\n## One\n\nText.\n"),
        ("b.md", "---\ndraft: true\n---\n# Beta\n"),
        ("c.md", "---\nslug: /../../etc/passwd\n---\n# Gamma\n"),
        ("d.md", "---\ntitle: Delta\n---\n\nSee [a](a.md).\n"),
    ]

    @Test func draftsAndRefusedPagesAreLeftOutAndTheRestKeepTheirContent() {
        let site = Self.assemble(Self.parsed(Self.files))
        #expect(site.pages.map(\.source) == ["a.md", "d.md"])
        #expect(site.pages.map(\.title) == ["Alpha", "Delta"])
        #expect(site.pages[0].parsed.toc.map(\.text) == ["One"])
        #expect(site.pages[1].parsed.links.map(\.destination) == ["a.md"])
        #expect(site.pages[1].parsed.displayPath == "docs/d.md")
        #expect(site.diagnostics.errors.count == 1, "the page placed outside the output folder")
        #expect(site.diagnostics.errors.first?.location.path == "docs/c.md")

        let withDrafts = Self.assemble(Self.parsed(Self.files), drafts: true)
        #expect(withDrafts.pages.map(\.source) == ["a.md", "b.md", "d.md"])
        #expect(withDrafts.pages[1].title == "Beta")
    }

    @Test func pagesKeptFromAnEarlierAssemblyAndNewOnesStayInOrder() {
        let first = Self.assemble(Self.parsed(Self.files))
        var edited = Self.files
        edited[3] = ("d.md", "---\ntitle: Delta two\n---\n")
        edited.append(("e.md", "# Epsilon\n"))
        let second = Self.assemble(Self.parsed(edited), reusing: first, changed: ["d.md", "e.md"])
        #expect(second.pages.map(\.source) == ["a.md", "d.md", "e.md"])
        #expect(second.pages.map(\.title) == ["Alpha", "Delta two", "Epsilon"])
        #expect(second.pages[0].parsed.toc.map(\.text) == ["One"], "a kept page is the earlier one, whole")
    }

    /// Handed a list another holder still has, the assembler leaves that list as it was.
    @Test func aSharedListOfParsedPagesIsNotChanged() {
        let parsed = Self.parsed(Self.files)
        _ = Self.assemble(parsed)
        #expect(parsed.map(\.source) == Self.files.map(\.0))
        #expect(parsed[0].toc.map(\.text) == ["One"])
    }
}
