import DocketTestSupport
import Foundation
import Testing

/// `docket build` on bad `sidebars`/`displayed_sidebar`/`trailingSlash`/`externalPaths` input:
/// exit status 1 and one located `file:line:col` error each; and the summary line that counts
/// the links left unchecked under `externalPaths`.
@Suite struct SidebarsAndLinksCLITests {
    let runner = BinaryTests()

    private func build(_ files: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let root = Fixtures.temporaryDirectory("docket-sidebars")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(files, under: root)
        let run = try runner.docket(["build"], in: root)
        return (run.status, run.stdout, run.stderr)
    }

    @Test func unknownDisplayedSidebarFailsTheBuildAtTheKey() throws {
        let run = try build([
            "docket.yml": "title: T\nsidebars:\n  guides: [a]\n  api: [b]\n",
            "docs/a.md": "# A\n",
            "docs/b.md": "---\ndisplayed_sidebar: tutorial\n---\n# B\n",
        ])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "docs/b.md:2:20: error: Doc with ID b wants to display sidebar tutorial but a sidebar with this name doesn't exist (the sidebars are guides, api)"
            ), "\(run.stderr)")
    }

    @Test func badTrailingSlashAndPrefixAreLocated() throws {
        let run = try build([
            "docket.yml": "title: T\ntrailingSlash: sometimes\nexternalPaths: [blog]\n",
            "docs/a.md": "# A\n",
        ])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("docket.yml:2:16: error: 'trailingSlash' must be true, false or null"), "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "docket.yml:3:17: error: an 'externalPaths' entry must be a path starting with '/', such as /blog, not 'blog'"
            ), "\(run.stderr)")
    }

    @Test func uncheckedLinksAreCountedInTheSummary() throws {
        let run = try build([
            "docket.yml": "title: T\nexternalPaths: [/blog]\n",
            "docs/a.md": "# A\n\n[post](/blog/hello) [list](/blog/)\n",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("(2 links under externalPaths not checked)"), "\(run.stdout)")
    }
}
