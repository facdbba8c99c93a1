import DocketBuild
import DocketTestSupport
import Foundation
import Testing

/// "Last updated on DATE by AUTHOR" from one git log pass, with the front matter's override.
@Suite struct LastUpdateTests {
    private func site(_ files: [String: String]) throws -> URL {
        let root = Fixtures.temporaryDirectory()
        try Fixtures.write(files, under: root)
        return root
    }

    /// Runs git in `root` with fixed dates and names, so the output is the same on every run.
    private func git(_ arguments: [String], in root: URL, date: String = "", author: String = "") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-c", "user.name=x", "-c", "user.email=x@example.org", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = root
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": root.path,
            "GIT_CONFIG_NOSYSTEM": "1",
        ]
        if !date.isEmpty { environment["GIT_AUTHOR_DATE"] = date; environment["GIT_COMMITTER_DATE"] = date }
        if !author.isEmpty {
            environment["GIT_AUTHOR_NAME"] = author; environment["GIT_AUTHOR_EMAIL"] = "a@example.org"
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments)")
    }

    private func build(_ root: URL) throws -> (URL, [String]) {
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("_site").path
        let result = SiteBuilder.build(options)
        #expect(result.succeeded, "\(result.diagnostics.all)")
        return (root.appendingPathComponent("_site"), result.diagnostics.all.map(\.description))
    }

    private func footer(_ out: URL, _ page: String) throws -> String? {
        let html = try String(contentsOf: out.appendingPathComponent("docs/\(page)/index.html"), encoding: .utf8)
        guard let start = html.range(of: "<p class=\"last-updated\">") else { return nil }
        return String(html[start.lowerBound...].prefix { $0 != "\n" })
    }

    @Test func gitDatesAuthorsAndTheFrontMatterOverride() throws {
        let root = try site([
            "docket.yml": "title: T\nurl: https://t.test\nshowLastUpdateTime: true\nshowLastUpdateAuthor: true\n",
            "docs/a.md": "# A\n",
            "docs/b.md": "---\nlast_update:\n  author: Override\n---\n# B\n",
            "docs/c.md": "---\nlast_update:\n  date: 2021-03-04\n  author: Carol\n---\n# C\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try git(["init", "-q"], in: root)
        try git(["add", "."], in: root)
        try git(["commit", "-q", "-m", "one"], in: root, date: "2018-10-14T05:34:15Z", author: "Ada Lovelace")
        try Fixtures.write(["docs/a.md": "# A\n\nMore.\n", "docs/new.md": "# New\n"], under: root)
        try git(["commit", "-q", "-am", "two"], in: root, date: "2020-01-02T00:00:00Z", author: "Bob")
        let (out, diagnostics) = try build(root)
        #expect(diagnostics.isEmpty)
        #expect(
            try footer(out, "a")
                == "<p class=\"last-updated\">Last updated on <b><time datetime=\"2020-01-02T00:00:00Z\">Jan 2, 2020</time></b> by <b>Bob</b></p>"
        )
        #expect(
            try footer(out, "b")
                == "<p class=\"last-updated\">Last updated on <b><time datetime=\"2018-10-14T05:34:15Z\">Oct 14, 2018</time></b> by <b>Override</b></p>"
        )
        #expect(
            try footer(out, "c")
                == "<p class=\"last-updated\">Last updated on <b><time datetime=\"2021-03-04T00:00:00Z\">Mar 4, 2021</time></b> by <b>Carol</b></p>"
        )
        // Never committed: git knows nothing, so no line rather than a made-up date.
        #expect(try footer(out, "new") == nil)
    }

    @Test func onlyTheTimeWhenTheAuthorIsOff() throws {
        let root = try site(["docket.yml": "title: T\nshowLastUpdateTime: true\n", "docs/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try git(["init", "-q"], in: root)
        try git(["add", "."], in: root)
        try git(["commit", "-q", "-m", "one"], in: root, date: "2018-10-14T05:34:15Z", author: "Ada")
        let (out, _) = try build(root)
        #expect(
            try footer(out, "a")
                == "<p class=\"last-updated\">Last updated on <b><time datetime=\"2018-10-14T05:34:15Z\">Oct 14, 2018</time></b></p>"
        )
    }

    @Test func offByDefaultEvenInAGitCheckout() throws {
        let root = try site(["docket.yml": "title: T\n", "docs/a.md": "---\nlast_update:\n  author: Z\n---\n# A\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try git(["init", "-q"], in: root)
        try git(["add", "."], in: root)
        try git(["commit", "-q", "-m", "one"], in: root, date: "2018-10-14T05:34:15Z", author: "Ada")
        let (out, _) = try build(root)
        #expect(try footer(out, "a") == nil)
    }

    @Test func notAGitCheckoutGivesNoDateAndNoError() throws {
        let root = try site([
            "docket.yml": "title: T\nurl: https://t.test\nshowLastUpdateTime: true\nshowLastUpdateAuthor: true\n",
            "docs/a.md": "# A\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let (out, diagnostics) = try build(root)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(try footer(out, "a") == nil)
    }
}
