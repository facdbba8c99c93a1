import DocketDiagnostics
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// Bad input gets a clear diagnostic at its exact place, and nothing else is lost.
@Suite struct BadInputTests {
    /// Loads `files` as a `docs/` folder and returns the printed diagnostics.
    private func diagnostics(_ files: [String: String], config: String? = nil) throws -> [String] {
        var all = files.reduce(into: [String: String]()) { $0["docs/" + $1.key] = $1.value }
        if let config { all["docket.yml"] = config }
        return SiteFixture.problems(files: all).sorted.map(\.description)
    }

    @Test func malformedFrontMatterIsLocatedInTheFile() throws {
        let found = try diagnostics(["a.md": "---\ntitle: [unclosed\nsidebar_position: 1\n---\n# A\n"])
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("docs/a.md:3:"), "\(found)")
        #expect(found[0].contains("error: invalid front matter"))
    }

    @Test func wrongFieldTypesPointAtTheValue() throws {
        let found = try diagnostics(["a.md": "---\ntitle: A\nsidebar_position: first\nhide_title: maybe\n---\nText\n"])
        #expect(
            found == [
                "docs/a.md:3:19: error: 'sidebar_position' must be a number, not a string",
                "docs/a.md:4:13: error: 'hide_title' must be true or false, not a string",
            ])
    }

    @Test func idWithSlashAndDraftPlusUnlisted() throws {
        let found = try diagnostics([
            "a.md": "---\nid: x/y\n---\nA\n",
            "b.md": "---\ndraft: true\nunlisted: true\n---\nB\n",
        ])
        #expect(found.contains("docs/a.md:2:5: error: Document id \"x/y\" cannot include slash."))
        #expect(
            found.contains { $0.hasPrefix("docs/b.md:3:11: error:") && $0.contains("draft and unlisted") }, "\(found)")
    }

    @Test func brokenLinksAreErrorsAtTheLinkBrokenAnchorsWarnings() throws {
        let found = try diagnostics([
            "guides/intro.md":
                "# Intro\n\nSee [setup](./setup.md#install) and\n[missing](./nope.md), [gone](../gone).\n\n[anchor](./setup.md#nowhere)\n",
            "guides/setup.md": "# Setup\n\n## Install\n",
        ])
        #expect(
            found == [
                "docs/guides/intro.md:4:1: error: broken link './nope.md': no page at guides/nope.md in the content folder",
                "docs/guides/intro.md:4:23: error: broken link '../gone': no page or file is served at /docs/gone",
                "docs/guides/intro.md:6:1: warning: broken anchor in link './setup.md#nowhere': docs/guides/setup.md has no heading with the id 'nowhere'",
            ])
    }

    @Test func brokenLinkSeverityFollowsConfig() throws {
        let found = try diagnostics(["a.md": "[x](./nope.md)\n"], config: "onBrokenLinks: warn\n")
        #expect(found.count == 1 && found[0].contains(": warning: broken link"))
        let none = try diagnostics(["a.md": "[x](./nope.md)\n"], config: "onBrokenLinks: ignore\n")
        #expect(none.isEmpty)
    }

    @Test func duplicateRoutesNameBothFiles() throws {
        let found = try diagnostics([
            "g/index.md": "# G\n",
            "g/README.md": "---\nid: readme-doc\n---\n# R\n",
        ])
        #expect(
            found.contains {
                $0.contains("error: duplicate route /docs/g/") && $0.contains("docs/g/README.md")
                    && $0.hasPrefix("docs/g/index.md")
            }, "\(found)")
    }

    /// A clash that a front-matter value made is reported at that value: the `slug:` the message
    /// asks to change, the `id:` two pages share. A clash of file names has no such line.
    @Test func clashesPointAtTheSlugOrIdThatMadeThem() throws {
        let routes = try diagnostics([
            "a/x1.md": "---\ntitle: X1\nslug: /x\n---\n# X1\n",
            "a/x2.md": "---\ntitle: X2\nslug: /x\n---\n# X2\n",
        ])
        #expect(
            routes == [
                "docs/a/x2.md:3:7: error: duplicate route /docs/x: docs/a/x1.md is published at the same URL; set a different 'slug'"
            ])
        let ids = try diagnostics([
            "one.md": "---\ntitle: One\nid: same\n---\n# One\n",
            "two.md": "# Two\n",
            "same.md": "# Same\n",
        ])
        #expect(
            ids == [
                "docs/one.md:3:5: error: docs sharing the same id: 'same' is also the id of docs/same.md; give one an 'id' in its front matter or rename it",
                "docs/same.md:1:1: error: docs sharing the same id: 'same' is also the id of docs/one.md; give one an 'id' in its front matter or rename it",
            ])
    }

    /// A block tagged `step=` on a page without `runbook:` front matter belongs to no runbook, so
    /// nothing would ever run it: a warning at the block, not silence. An example of the syntax
    /// inside a longer fence is text, and a runbook page's steps are the runbook's.
    @Test func aStepOnAPageWithoutARunbookIsWarnedAbout() throws {
        let step = "```bash step=start\necho start\n```\n"
        let found = try diagnostics([
            "plain.md": "# Plain\n\n" + step,
            "typo.md": "---\nrunbok:\n  id: t\n---\n# Typo\n\n- in a list:\n\n  ```sh step=nested\n  true\n  ```\n",
            "example.md": "# Example\n\n````md\n" + step + "````\n",
            "book.md": "---\nrunbook:\n  id: book\n  title: Book\n  params: {}\n---\n# Book\n\n" + step,
        ])
        let says =
            "is not a runbook step: this page has no 'runbook:' front matter, so no runbook holds it and 'docket check' never runs it (add runbook: with id, title and params, or remove step=)"
        #expect(
            found == [
                "docs/plain.md:3:1: warning: step=start " + says,
                "docs/typo.md:2:1: warning: unknown front-matter key 'runbok' (did you mean 'runbook'?)",
                "docs/typo.md:9:3: warning: step=nested " + says,
            ])
    }

    @Test func slugsCannotEscapeTheOutputFolder() throws {
        let found = try diagnostics(["a.md": "---\nslug: /../../etc/passwd\n---\nA\n"])
        #expect(
            found == [
                "docs/a.md:2:7: error: the URL '/docs/../../etc/passwd' of this page would place a file outside the output folder"
            ])
    }

    @Test func unknownDirectivesAndMDXAreReportedNotDropped() throws {
        let found = try diagnostics([
            "a.md":
                "import Tabs from '@theme/Tabs';\nimport X from '@site/src/X';\n\n:::foo\nx\n:::\n\n<Tabs>\n</Tabs>\n\n<X/>\n"
        ])
        #expect(found.count == 3, "\(found)")
        // The theme import is understood; the other import and its component are located errors.
        #expect(found.contains { $0.hasPrefix("docs/a.md:2:1: error: docket cannot import '@site/src/X'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("docs/a.md:4:1: warning: unknown directive ':::foo'") }, "\(found)")
        #expect(
            found.contains {
                $0.hasPrefix(
                    "docs/a.md:11:1: error: docket cannot render the component <X> (imported from '@site/src/X')")
            }, "\(found)")
    }

    @Test func paginationToAnUnknownID() throws {
        let found = try diagnostics(["a.md": "---\npagination_next: nowhere\n---\nA\n"])
        #expect(
            found == ["docs/a.md:2:18: error: the pagination_next front matter points to a non-existent ID 'nowhere'"])
    }

    @Test func badConfigKeysAreLocated() throws {
        let found = try diagnostics(
            ["a.md": "A\n"], config: "title: X\nonBrokenLinks: sometimes\nnavbar:\n  - { label: Home }\ncolour: red\n")
        #expect(
            found == [
                "docket.yml:2:16: error: 'onBrokenLinks' must be one of error, warn, ignore",
                "docket.yml:4:5: error: the 'navbar' entry 'Home' needs 'to' (a page path) or 'href' (a URL)",
                "docket.yml:5:1: warning: unknown setting 'colour' in docket.yml",
            ])
    }

    @Test func explicitSidebarChecksIDs() throws {
        let found = try diagnostics(["a.md": "A\n"], config: "sidebar:\n  - a\n  - missing\n")
        #expect(found == ["docket.yml:3:5: error: the sidebar refers to the doc 'missing', which does not exist"])
    }

    @Test func navbarAndFooterLinksAreChecked() throws {
        let found = try diagnostics(
            ["a.md": "A\n"],
            config:
                "navbar:\n  - { label: A, to: /docs/a }\n  - { label: Gone, to: /docs/gone }\nfooter:\n  links:\n    - { label: Old, to: /old }\n"
        )
        #expect(
            found == [
                "docket.yml:3:24: error: broken link '/docs/gone' in the navbar ('Gone'): no page or file is served at /docs/gone",
                "docket.yml:6:25: error: broken link '/old' in the footer ('Old'): no page or file is served at /old",
            ])
    }
}
