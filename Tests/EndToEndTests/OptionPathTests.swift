import DocketTestSupport
import Foundation
import Testing

/// Relative paths given as options are read from the current directory, relative paths in
/// docket.yml from the site folder (content/reference/cli.md, "Site root").
@Suite struct OptionPathTests {
    let runner = BinaryTests()

    @Test func optionPathsResolveAgainstTheCurrentDirectoryAndConfigPathsAgainstTheRoot() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(
            [
                "site/docket.yml": "title: T\nstatic: files\n",
                "site/content/index.md": "# From content\n",
                "site/pages/index.md": "# From pages\n",
                "site/files/robots.txt": "from the site's files\n",
                "files/robots.txt": "from the current directory's files\n",
            ], under: temp)

        let build = try runner.docket(["build", "--root", "site", "--out", "preview"], in: temp)
        #expect(build.status == 0, "\(build.stderr)")
        let preview = temp.appendingPathComponent("preview")
        #expect(
            try String(contentsOf: preview.appendingPathComponent("docs/index.html"), encoding: .utf8).contains(
                "From content"))
        // The `static:` key of docket.yml names the site's folder, not the current directory's.
        #expect(
            try String(contentsOf: preview.appendingPathComponent("robots.txt"), encoding: .utf8)
                == "from the site's files\n")
        #expect(!FileManager.default.fileExists(atPath: temp.appendingPathComponent("site/preview").path))

        let other = try runner.docket(
            ["build", "--root", "site", "--content", "site/pages", "--out", "other"], in: temp)
        #expect(other.status == 0, "\(other.stderr)")
        #expect(
            try String(contentsOf: temp.appendingPathComponent("other/docs/index.html"), encoding: .utf8).contains(
                "From pages"))

        // An option naming a folder only the site has is not found from the current directory.
        let missing = try runner.docket(["build", "--root", "site", "--content", "pages", "--out", "third"], in: temp)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("pages"), "\(missing.stderr)")
    }
}
