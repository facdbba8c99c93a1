import DocketTestSupport
import Foundation
import Testing

/// `docket migrate` then `docket build` on the fixture sites, and `docket list`'s exit status.
@Suite struct MigrateAndListTests {
    let runner = BinaryTests()

    func copy(_ fixture: String) throws -> URL {
        let temp = Fixtures.temporaryDirectory("docket-migrate")
        let site = temp.appendingPathComponent(fixture)
        try FileManager.default.copyItem(at: Fixtures.url("migrate/\(fixture)"), to: site)
        for golden in ["expected-docket.yml", "expected-warnings.txt"] {
            try? FileManager.default.removeItem(at: site.appendingPathComponent(golden))
        }
        return site
    }

    @Test(arguments: ["classic-js", "typescript", "functions-plugins"])
    func migrateThenBuild(_ fixture: String) throws {
        let site = try copy(fixture)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let migrate = try runner.docket(["migrate", fixture], in: site.deletingLastPathComponent())
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("wrote \(fixture)/docket.yml"))
        let build = try runner.docket(["build"], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        // A sitemap needs absolute URLs: with a url the config gives one, without it the build says why.
        let config = try String(contentsOf: site.appendingPathComponent("docket.yml"), encoding: .utf8)
        let hasURL = config.split(separator: "\n").contains { $0.hasPrefix("url:") }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("_site/sitemap.xml").path) == hasURL)
        if !hasURL { #expect(build.stderr.contains("warning: no url: in docket.yml, so no sitemap.xml")) }
    }

    @Test func migrateRefusesToOverwriteWithoutForce() throws {
        let site = try copy("typescript")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        try "title: mine\n".write(to: site.appendingPathComponent("docket.yml"), atomically: true, encoding: .utf8)
        let refused = try runner.docket(["migrate", "."], in: site)
        #expect(refused.status == 2)
        #expect(try String(contentsOf: site.appendingPathComponent("docket.yml"), encoding: .utf8) == "title: mine\n")
        let forced = try runner.docket(["migrate", ".", "--force"], in: site)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(
            try String(contentsOf: site.appendingPathComponent("docket.yml"), encoding: .utf8).contains(
                "Gadget handbook"))
    }

    @Test func migrateOfAFolderWithoutConfigFails() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let run = try runner.docket(["migrate", temp.path])
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: temp.appendingPathComponent("docket.yml").path))
    }

    @Test func listExitsZeroWithABrokenLinkAndStrictFails() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(["docs/a.md": "# A\n\n[x](./missing.md)\n", "docs/b.md": "# B\n"], under: temp)
        let run = try runner.docket(["list", "--json", "--root", temp.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("docs/a.md:3:1: warning: broken link './missing.md'"))
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((object?["pages"] as? [Any])?.count == 2)
        let strict = try runner.docket(["list", "--json", "--strict", "--root", temp.path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: broken link"))
    }

    @Test func listOfASiteThatCannotLoadStillFails() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let run = try runner.docket(["list", "--root", temp.path])
        #expect(run.status == 1)
    }
}
