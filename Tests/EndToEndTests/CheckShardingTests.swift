import DocketTestSupport
import Foundation
import Testing

/// CI at scale, through the built binary: `--shard K/N` splits the runbooks as documented,
/// `--merge-reports` makes the shards' JSON reports one (or refuses them, located), and
/// `--changed-since REF` runs only the runbooks whose inputs changed in a temporary git repository.
@Suite(.serialized) struct CheckShardingTests {
    private static let ids = ["alpha", "beta", "delta", "gamma"]

    /// A site (in `folder`) with one tiny runbook per id, each writing `~/ID.txt`, whose fixture
    /// expects the id in it; `failing` expects something else, so its check fails.
    private func site(in folder: URL, failing: String? = nil) throws {
        var files: [String: String] = [:]
        for id in Self.ids {
            files["docs/\(id).md"] =
                "---\nrunbook:\n  id: \(id)\n  title: Runbook \(id)\n---\n\nWrites a file.\n\n```bash step=write\necho \(id) > ~/\(id).txt\n```\n"
            files["runbooks/fixtures/\(id)/fixture.yml"] =
                "expect:\n  files:\n    ~/\(id).txt:\n      contains: [\(id == failing ? "nope" : id)]\n"
        }
        try Fixtures.write(files, under: folder)
        let generated = try BinaryTests().docket(["runbooks"], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    /// The documented split: FNV-1a 64 of the id's UTF-8, mod N, plus one (computed here on its own).
    private func shard(of id: String, count: Int) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(hash % UInt64(count)) + 1
    }

    private func runbookIDs(_ json: String) throws -> [String] {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "not JSON: \(json)")
        return (object["runbooks"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test(arguments: ["0/2", "3/2", "a/b", "1/0"])
    func aShardThatIsNoShareIsAUsageError(value: String) throws {
        let folder = Fixtures.temporaryDirectory("docket-shard")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try BinaryTests().docket(["check", "--shard", value], in: folder)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("docket check: error: --shard"), "\(run.stderr)")
        #expect(run.stderr.contains(value), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func runbookWithShardOrChangedSinceIsAUsageError() throws {
        let folder = Fixtures.temporaryDirectory("docket-shard")
        defer { try? FileManager.default.removeItem(at: folder) }
        for extra in [["--shard", "1/2"], ["--changed-since", "main"]] {
            let run = try BinaryTests().docket(["check", "--runbook", "alpha"] + extra, in: folder)
            #expect(
                run.status == 2
                    && run.stderr.contains("--runbook names one runbook; it cannot be combined with \(extra[0])"),
                "\(run.stderr)")
        }
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func shardsSplitTheRunbooksAndTheirReportsMergeIntoOne() throws {
        let folder = Fixtures.temporaryDirectory("docket-shard")
        defer { try? FileManager.default.removeItem(at: folder) }
        try site(in: folder, failing: "delta")
        var seen: [String] = []
        var reports: [String] = []
        for k in 1...2 {
            let run = try BinaryTests().docket(["check", "--shard", "\(k)/2", "--json"], in: folder)
            let ids = try runbookIDs(run.stdout)
            #expect(ids == Self.ids.filter { shard(of: $0, count: 2) == k }, "shard \(k)/2: \(ids)")
            #expect(run.status == (ids.contains("delta") ? 1 : 0), "\(run.stderr)")
            #expect(run.stdout.contains("\"shard\" : \"\(k)/2\""))
            #expect(run.stderr.contains("docket check: shard \(k)/2: \(ids.count) of 4 runbooks"), "\(run.stderr)")
            seen += ids
            let path = folder.appendingPathComponent("shard-\(k).json").path
            try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            reports.append(path)
        }
        #expect(seen.sorted() == Self.ids, "each runbook in exactly one shard: \(seen)")

        let junit = folder.appendingPathComponent("merged.xml").path
        let merged = try BinaryTests().docket(
            ["check", "--merge-reports"] + reports + ["--json", "--junit", junit, "--github"], in: folder)
        #expect(merged.status == 1, "delta fails, so the merged report fails: \(merged.stderr)")
        #expect(try runbookIDs(merged.stdout).sorted() == Self.ids)
        #expect(merged.stderr.contains("docket check: merged 2 reports (shards 1/2, 2/2)"), "\(merged.stderr)")
        #expect(
            merged.stderr.contains(
                "docket check: 4 pages, 0 links, 4 runbooks run (3 passed, 1 failed); 1 error, 0 warnings: FAILED"),
            "\(merged.stderr)")
        #expect(
            merged.stderr.contains("runbooks/fixtures/delta/fixture.yml") || merged.stderr.contains("docs/delta.md"),
            "\(merged.stderr)")
        #expect(merged.stderr.contains("::error file="), "the GitHub annotations: \(merged.stderr)")
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.components(separatedBy: "<testsuite name=\"runbook ").count - 1 == 4, "\(xml)")
        #expect(xml.contains("<testsuite name=\"runbook delta\"") && xml.contains("<failure "), "\(xml)")

        // Eight shards of four runbooks: at least four are empty, and succeed saying so.
        let empty = try #require((1...8).first { k in !Self.ids.contains { shard(of: $0, count: 8) == k } })
        let none = try BinaryTests().docket(["check", "--shard", "\(empty)/8", "--json"], in: folder)
        #expect(none.status == 0, "\(none.stderr)")
        #expect(try runbookIDs(none.stdout).isEmpty)
        #expect(
            none.stderr.contains(
                "shard \(empty)/8: none of the 4 runbooks falls in this shard, so none runs here (not a failure)"),
            "\(none.stderr)")
    }

    /// A report as `docket check --json` writes it, of one passing runbook.
    private func report(_ id: String, shard: String, version: Int = 1) -> String {
        """
        {
          "diagnostics" : [

          ],
          "passed" : true,
          "runbooks" : [
            {
              "durationSeconds" : 0.5,
              "expectations" : [

              ],
              "failures" : [

              ],
              "id" : "\(id)",
              "passed" : true,
              "steps" : [
                {
                  "expected" : "ok",
                  "file" : "docs/\(id).md",
                  "line" : 9,
                  "name" : "write",
                  "outcome" : "ok",
                  "passed" : true
                }
              ]
            }
          ],
          "shard" : "\(shard)",
          "summary" : {
            "errors" : 0,
            "links" : 0,
            "pages" : 2,
            "runbooks" : 1,
            "strict" : false,
            "warnings" : 0
          },
          "version" : \(version)
        }

        """
    }

    @Test func mergeRefusesBadReportsNamingTheFileAndPlace() throws {
        let folder = Fixtures.temporaryDirectory("docket-merge")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(
            [
                "a.json": report("alpha", shard: "1/2"), "b.json": report("beta", shard: "2/2"),
                "dup.json": report("alpha", shard: "2/2"), "v2.json": report("beta", shard: "2/2", version: 2),
                "bad.json": "{\n  \"version\" : 1,\n  \"runbooks\" : [ }\n",
            ], under: folder)

        let good = try BinaryTests().docket(["check", "--merge-reports", "a.json", "b.json"], in: folder)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(
            good.stderr.contains(
                "docket check: 2 pages, 0 links, 2 runbooks run (2 passed, 0 failed); 0 errors, 0 warnings: passed"),
            "\(good.stderr)")

        let duplicate = try BinaryTests().docket(["check", "--merge-reports", "a.json", "dup.json"], in: folder)
        #expect(duplicate.status == 2)
        #expect(
            duplicate.stderr.contains("dup.json:15:7: error: runbook alpha is also in a.json:15:7: two shards ran it"),
            "\(duplicate.stderr)")
        #expect(duplicate.stderr.contains("nothing was written"))

        let version = try BinaryTests().docket(["check", "--merge-reports", "a.json", "v2.json"], in: folder)
        #expect(version.status == 2)
        #expect(
            version.stderr.contains("v2.json:38:3: error: report version 2, but this docket reads version 1"),
            "\(version.stderr)")

        let malformed = try BinaryTests().docket(["check", "--merge-reports", "a.json", "bad.json"], in: folder)
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("bad.json:3:18: error: not valid JSON"), "\(malformed.stderr)")

        let missingShard = try BinaryTests().docket(["check", "--merge-reports", "a.json"], in: folder)
        #expect(
            missingShard.status == 2 && missingShard.stderr.contains("no report of shard 2/2"), "\(missingShard.stderr)"
        )

        let absent = try BinaryTests().docket(["check", "--merge-reports", "a.json", "nope.json"], in: folder)
        #expect(
            absent.status == 2 && absent.stderr.contains("--merge-reports nope.json: no such file"), "\(absent.stderr)")

        let mixed = try BinaryTests().docket(["check", "--merge-reports", "a.json", "b.json", "--mutate"], in: folder)
        #expect(mixed.status == 2 && mixed.stderr.contains("so --mutate does not apply"), "\(mixed.stderr)")
    }

    /// Runs git in `folder` with a fixed identity and no user or system configuration.
    @discardableResult
    private func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "git", "-c", "user.name=docket test", "-c", "user.email=test@docket.invalid", "-c",
                "commit.gpgsign=false",
            ] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")): \(text)")
        return text
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func changedSinceRunsTheRunbooksWhosePageFixtureOrScriptChanged() throws {
        let repository = Fixtures.temporaryDirectory("docket-changed")
        defer { try? FileManager.default.removeItem(at: repository) }
        // The site is a folder of the repository, as in most projects.
        let folder = repository.appendingPathComponent("site")
        try site(in: folder)
        try git(["init", "-q", "-b", "main"], in: repository)
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "-m", "site"], in: repository)
        try git(["checkout", "-q", "-b", "topic"], in: repository)
        let nothing = try BinaryTests().docket(["check", "--changed-since", "main", "--json"], in: folder)
        #expect(nothing.status == 0, "\(nothing.stderr)")
        #expect(try runbookIDs(nothing.stdout).isEmpty)
        #expect(
            nothing.stderr.contains(
                "--changed-since main: no page, fixture or script of the 4 runbooks changed, so none runs"),
            "\(nothing.stderr)")

        // Committed on the branch: alpha's fixture. Staged: beta's. Not yet added: a new file of gamma's.
        let fixtures = folder.appendingPathComponent("runbooks/fixtures")
        try "# the file alpha writes\n".appendToFile(fixtures.appendingPathComponent("alpha/fixture.yml"))
        try git(["commit", "-q", "-am", "alpha"], in: repository)
        try "# staged\n".appendToFile(fixtures.appendingPathComponent("beta/fixture.yml"))
        try git(["add", "-A"], in: repository)
        try "notes\n".write(to: fixtures.appendingPathComponent("gamma/notes.txt"), atomically: true, encoding: .utf8)
        let some = try BinaryTests().docket(["check", "--changed-since", "main", "--json"], in: folder)
        #expect(some.status == 0, "\(some.stderr)")
        #expect(try runbookIDs(some.stdout) == ["alpha", "beta", "gamma"], "\(some.stderr)")
        #expect(
            some.stderr.contains("--changed-since main: 3 of 4 runbooks changed (alpha, beta, gamma)"), "\(some.stderr)"
        )

        // With --shard, the changed runbooks are split in turn.
        let sharded = try BinaryTests().docket(
            ["check", "--changed-since", "main", "--shard", "2/2", "--json"], in: folder)
        #expect(
            try runbookIDs(sharded.stdout) == ["alpha", "beta", "gamma"].filter { shard(of: $0, count: 2) == 2 },
            "\(sharded.stderr)")

        // docket.yml decides which pages there are: every runbook runs.
        try "title: Changed\n".write(to: folder.appendingPathComponent("docket.yml"), atomically: true, encoding: .utf8)
        let all = try BinaryTests().docket(["check", "--changed-since", "main", "--json"], in: folder)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try runbookIDs(all.stdout).sorted() == Self.ids, "\(all.stderr)")
        #expect(all.stderr.contains("--changed-since main: docket.yml changed, so every runbook runs"), "\(all.stderr)")
    }

    @Test func changedSinceNeedsAKnownRefInAGitRepository() throws {
        let repository = Fixtures.temporaryDirectory("docket-changed")
        defer { try? FileManager.default.removeItem(at: repository) }
        try Fixtures.write(["docs/index.md": "# Home\n"], under: repository)
        let outside = try BinaryTests().docket(["check", "--changed-since", "main"], in: repository)
        #expect(outside.status == 2)
        #expect(
            outside.stderr.contains("docket check: error: --changed-since needs a git repository, and /")
                && outside.stderr.contains("\(repository.lastPathComponent) is not in one"), "\(outside.stderr)")

        try git(["init", "-q", "-b", "main"], in: repository)
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "-m", "site"], in: repository)
        for ref in ["no-such-branch", "--output=x"] {
            let unknown = try BinaryTests().docket(["check", "--changed-since=\(ref)"], in: repository)
            #expect(unknown.status == 2)
            #expect(
                unknown.stderr.contains("--changed-since \(ref): no such commit, branch or tag in this repository"),
                "\(unknown.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("x").path))
    }
}

extension String {
    fileprivate func appendToFile(_ url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
    }
}
