import DocketDiagnostics
import DocketMarkdown
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// Rules found wrong by building real Docusaurus sites (issue 12, /work/scratch/real BUGS.md),
/// each from its minimal reproduction: the bad input and the good one.
@Suite struct CompatRealSiteTests {
    private func load(_ files: [String: String], config: String = "title: T\n") throws -> (Site, [String]) {
        var all = files.reduce(into: [String: String]()) { $0["docs/" + $1.key] = $1.value }
        all["docket.yml"] = config
        let (site, diagnostics) = try SiteFixture.load(files: all)
        var problems = diagnostics.sorted.map(\.description)
        for page in site.pages {
            problems += LinkResolver(site: site).resolve(page).diagnostics.sorted.map(\.description)
        }
        // SiteFixture may report some link problems already: each counts once.
        return (site, Array(Set(problems)).sorted())
    }

    /// R10: `<a id="x">` (and any element with an id) is a target of `#x`, as in the page's HTML;
    /// an id nothing has is still a broken anchor.
    @Test func elementIDsAreAnchors() throws {
        let (site, problems) = try load([
            "a.md": """
            # A

            - [Kind](#kind-anchor) [Box](#box) [JSX](#jsx) [None](#nowhere)

            ## <a id="kind-anchor">Kind</a>

            <div id='box'>

            text

            </div>

            <Details id={"jsx"}>
            more
            </Details>
            """
        ])
        let page = try #require(site.pages.first)
        #expect(page.parsed.anchors.isSuperset(of: ["kind-anchor", "box", "jsx"]), "\(page.parsed.anchors)")
        #expect(problems.count == 1 && problems[0].contains("#nowhere"), "\(problems)")
    }

    /// R12: remark-directive reads `:Options` in `join:Options` as a text directive, which the
    /// heading id leaves out (Docusaurus: `id="join"`); the heading text stays as written.
    @Test func aTextDirectiveInAHeadingIsLeftOutOfItsID() throws {
        let (site, problems) = try load([
            "a.md":
                "# A\n\n## join:Options\n\n## std::vector and 10:30\n\n## Done :tada:\n\n[x](#join) [y](#stdvector-and-1030)\n"
        ])
        let page = try #require(site.pages.first)
        #expect(
            page.parsed.toc.map(\.id) == ["join", "stdvector-and-1030", "done-tada"], "\(page.parsed.toc.map(\.id))")
        #expect(page.parsed.toc.first?.text == "join:Options")
        #expect(problems.isEmpty, "\(problems)")
    }

    /// R7: a doc that no sidebar lists shows no sidebar (and so no breadcrumb) and has no
    /// previous/next; a listed one shows its sidebar.
    @Test func aDocInNoSidebarShowsNone() throws {
        let (site, _) = try load(
            [
                "a.md": "# A\n",
                "b.md": "# B\n",
                "c.md": "---\nunlisted: true\n---\n# C\n",
            ], config: "title: T\nsidebars:\n  main:\n    - a\n    - c\n")
        #expect(site.displayedSidebar["a"] != nil)
        #expect(site.displayedSidebar["b"] == nil, "\(site.displayedSidebar)")
        #expect(site.navigation["b"]?.previous == nil && site.navigation["b"]?.next == nil)
        // An unlisted doc is hidden from the sidebar, not taken out of it: it keeps one.
        #expect(site.displayedSidebar["c"] != nil)
    }
}
