import DocketDiagnostics
import Foundation
import Testing

@testable import DocketChecks

/// `--merge-reports`: shards' JSON reports made into one, and every reason to refuse, located in
/// the file it is about.
@Suite struct ReportMergeTests {
    private static let page = "docs/guide.md"

    /// A report as shard `shard` of a check would write it: one passing or failing runbook, and
    /// the site warning every shard finds.
    private func shardReport(_ id: String, shard: String?, failing: Bool = false, pages: Int = 3) -> CheckReport {
        var report = CheckReport()
        report.pages = pages
        report.links = 7
        report.shard = shard.flatMap { try? CheckShard(parsing: $0) }
        report.site.append(
            Diagnostic(
                .warning, at: SourceLocation(path: "docs/index.md", line: 4, column: 2), "a heading level skipped"))
        report.drift.append(
            Diagnostic(
                .error, at: SourceLocation(path: Self.page, line: 9, column: 1), "runbooks/x.sh is stale",
                code: "runbook.drift"))
        let step = SourceLocation(path: "docs/\(id).md", line: 12, column: 1)
        let fixture = SourceLocation(path: "runbooks/fixtures/\(id)/fixture.yml", line: 3, column: 5)
        let failure = Diagnostic(
            .error, at: step, "file ~/\(id).txt does not contain '\(id)'", detail: "got: nothing",
            code: "expect.file", step: "write", related: [fixture])
        report.runbooks.append(
            RunbookCheckResult(
                runbook: id,
                steps: [
                    .init(name: "write", actual: failing ? .failed(3) : .ok, expected: .ok, location: step, output: "")
                ],
                expectations: [
                    .init(
                        name: "file ~/\(id).txt", location: fixture, state: failing ? .failed : .passed,
                        failures: failing ? [failure] : [])
                ],
                failures: failing ? [failure] : [], duration: 1.25))
        return report
    }

    private func input(_ path: String, _ report: CheckReport) -> ReportMerge.Input {
        ReportMerge.Input(path: path, data: Data(report.json.utf8))
    }

    private func problems(_ inputs: [ReportMerge.Input]) -> [Diagnostic] {
        do {
            _ = try ReportMerge.merge(inputs)
            Issue.record("the merge was expected to fail")
            return []
        } catch {
            return error.problems.all
        }
    }

    @Test func oneReportMergedIsTheSameReport() throws {
        let report = shardReport("alpha", shard: nil, failing: true)
        let merged = try ReportMerge.merge([input("a.json", report)])
        #expect(merged.json == report.json)
        #expect(merged.report.junit == report.junit)
        #expect(merged.report.githubAnnotations == report.githubAnnotations)
    }

    @Test func shardsBecomeOneReportWithTheSiteProblemsOnce() throws {
        let merged = try ReportMerge.merge([
            input("1.json", shardReport("alpha", shard: "1/2")),
            input("2.json", shardReport("beta", shard: "2/2", failing: true)),
        ])
        let report = merged.report
        #expect(report.runbooks.map(\.runbook) == ["alpha", "beta"])
        #expect(report.site.all.count == 1 && report.drift.all.count == 1, "\(report.all.all)")
        #expect(report.all.errors.count == 2)  // the drift, and beta's expectation
        #expect(report.failed)
        #expect(
            report.summary.contains(
                "3 pages, 7 links, 2 runbooks run (1 passed, 1 failed); 2 errors, 1 warning: FAILED"),
            "\(report.summary)")
        #expect(
            report.junit.contains("<testsuite name=\"runbook beta\" tests=\"3\" failures=\"1\"")
                && report.junit.contains("type=\"expect.file\">got: nothing</failure>"), "\(report.junit)")
        #expect(report.notes == ["merged 2 reports (shards 1/2, 2/2)"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(merged.json.utf8)) as? [String: Any])
        #expect(object["shard"] == nil && object["version"] as? Int == CheckReport.formatVersion)
        // The merged report can be merged again.
        #expect(
            try ReportMerge.merge([ReportMerge.Input(path: "m.json", data: Data(merged.json.utf8))]).report.runbooks
                .count == 2)
    }

    @Test func aRunbookInTwoReportsIsAnErrorAtItsLineInBoth() throws {
        let second = input("b.json", shardReport("alpha", shard: "2/2"))
        let found = problems([input("a.json", shardReport("alpha", shard: "1/2")), second])
        let duplicate = try #require(found.first { $0.code == "merge.duplicate" }, "\(found)")
        let line = String(decoding: second.data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\"id\" : \"alpha\"") }.map { $0 + 1 }
        #expect(duplicate.location.path == "b.json" && duplicate.location.line == line, "\(duplicate)")
        #expect(duplicate.related.first?.path == "a.json")
        #expect(duplicate.message.contains("runbook alpha is also in a.json:"))
    }

    @Test func anotherReportVersionIsRefusedAtItsVersionLine() throws {
        let text = shardReport("beta", shard: "2/2").json.replacingOccurrences(
            of: "\"version\" : 1", with: "\"version\" : 2")
        let found = problems([
            input("a.json", shardReport("alpha", shard: "1/2")),
            ReportMerge.Input(path: "b.json", data: Data(text.utf8)),
        ])
        #expect(found.count == 1, "\(found)")
        #expect(
            found.first?.code == "merge.version" && found.first?.location.path == "b.json"
                && (found.first?.location.line ?? 0) > 1, "\(found)")
        #expect(found.first?.message.contains("report version 2") == true)

        let unversioned = shardReport("beta", shard: nil).json.replacingOccurrences(
            of: "\"version\" : 1", with: "\"format\" : 1")
        let old = problems([ReportMerge.Input(path: "old.json", data: Data(unversioned.utf8))])
        #expect(old.first?.code == "merge.version" && old.first?.message.contains("no \"version\"") == true, "\(old)")
    }

    @Test func malformedJSONIsLocatedAtTheLineAndColumn() {
        let bad = ReportMerge.Input(
            path: "bad.json", data: Data("{\n  \"version\": 1,\n  \"runbooks\": [1, 2,, 3]\n}".utf8))
        let found = problems([input("a.json", shardReport("alpha", shard: nil)), bad])
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.location == SourceLocation(path: "bad.json", line: 3, column: 21), "\(found)")
        #expect(found.first?.code == "merge.json")

        let cut = ReportMerge.Input(path: "cut.json", data: Data("{\n  \"version\": 1,\n".utf8))
        #expect(problems([cut]).first?.location.path == "cut.json")
        #expect(problems([cut]).first?.location.line == 3, "the end of the file: \(problems([cut]))")
    }

    @Test func jsonThatIsNoReportSaysWhatIsMissing() {
        let found = problems([
            ReportMerge.Input(path: "list.json", data: Data("[1]".utf8)),
            ReportMerge.Input(path: "part.json", data: Data("{\"version\": 1, \"runbooks\": []}".utf8)),
        ])
        #expect(found.map(\.location.path) == ["list.json", "part.json"], "\(found)")
        #expect(found.last?.message.contains("\"diagnostics\" is missing") == true, "\(found)")
        let outcome = shardReport("alpha", shard: nil).json.replacingOccurrences(
            of: "\"outcome\" : \"ok\"", with: "\"outcome\" : \"fine\"")
        let wrong = problems([ReportMerge.Input(path: "c.json", data: Data(outcome.utf8))])
        #expect(wrong.first?.message.contains("'fine'") == true && wrong.first?.location.path == "c.json", "\(wrong)")
    }

    @Test func shardsMissingTwiceOrMixedAreRefused() {
        let missing = problems([
            input("1.json", shardReport("alpha", shard: "1/3")), input("3.json", shardReport("gamma", shard: "3/3")),
        ])
        #expect(missing.map(\.code) == ["merge.missing-shard"], "\(missing)")
        #expect(missing.first?.message.contains("shard 2/3") == true)

        let twice = problems([
            input("1.json", shardReport("alpha", shard: "1/2")), input("1b.json", shardReport("beta", shard: "1/2")),
        ])
        #expect(
            twice.contains {
                $0.code == "merge.duplicate" && $0.location.path == "1b.json" && $0.message.contains("shard 1/2 again")
            }, "\(twice)")

        let counts = problems([
            input("1.json", shardReport("alpha", shard: "1/2")), input("x.json", shardReport("beta", shard: "2/3")),
        ])
        #expect(counts.contains { $0.code == "merge.shard" && $0.location.path == "x.json" }, "\(counts)")

        let mixed = problems([
            input("1.json", shardReport("alpha", shard: "1/1")), input("all.json", shardReport("beta", shard: nil)),
        ])
        #expect(mixed.contains { $0.code == "merge.shard" && $0.location.path == "all.json" }, "\(mixed)")
    }

    @Test func reportsOfDifferentSitesAreRefused() {
        let found = problems([
            input("1.json", shardReport("alpha", shard: "1/2")),
            input("2.json", shardReport("beta", shard: "2/2", pages: 4)),
        ])
        #expect(found.map(\.code) == ["merge.site"], "\(found)")
        #expect(found.first?.location.path == "2.json")
    }

    @Test func mutationScoresAreCarriedOverAndPrintTheSameLine() throws {
        var report = shardReport("alpha", shard: "1/1")
        report.mutation = [
            MutationScore(
                runbook: "alpha", total: 4, killed: 3, notCheckable: 2, errors: 1, survivors: [], duration: 2.5)
        ]
        let merged = try ReportMerge.merge([input("a.json", report)])
        #expect(merged.report.mutation.map(\.line) == report.mutation.map(\.line))
        func mutation(_ json: String) throws -> NSArray? {
            (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["mutation"] as? NSArray
        }
        let written = try #require(try mutation(report.json))
        #expect(try mutation(merged.json) == written)
    }

    /// Shard `k` of 2's share of a set of four mutants of alpha: positions k-1 and k+1; the
    /// mutant at position 2 survives.
    private func share(
        _ k: Int, of count: Int = 4, set: String = "00000000000000aa", indices: [Int]? = nil, minScore: Double? = nil
    ) -> CheckReport {
        var report = shardReport(k == 1 ? "alpha" : "beta", shard: "\(k)/2")
        let fixture = SourceLocation(path: "runbooks/fixtures/alpha/fixture.yml", line: 1, column: 1)
        let results = (indices ?? [k - 1, k + 1]).map { index in
            MutantResult(
                mutant: Mutant(
                    kind: "drop line", step: "write",
                    location: SourceLocation(path: "docs/alpha.md", line: 10 + index, column: 1),
                    original: "line \(index)", replacement: "(nothing)", runbook: nil),
                outcome: index == 2 ? .survived : .killed, duration: 0.5, index: index)
        }
        var score = MutationScore(
            runbook: "alpha", total: results.count, killed: results.filter(\.isKilled).count, notCheckable: 3,
            errors: 0,
            survivors: results.filter { $0.outcome == .survived }.map(\.mutant), duration: 1, results: results,
            uncovered: [
                UncoveredText(
                    location: SourceLocation(path: "docs/alpha.md", line: 30, column: 1), endLine: 30,
                    kind: .norunBlock, label: "shows it", text: "cat x", mutants: 3)
            ])
        score.mutantCount = count
        score.mutantSet = set
        score.share = try? CheckShard(parsing: "\(k)/2")
        score.minScore = minScore
        score.fixture = minScore.map { _ in fixture }
        report.mutation = [score]
        return report
    }

    @Test func mutantSharesMergeIntoOneScoreWithItsJUnitSuite() throws {
        let merged = try ReportMerge.merge([input("1.json", share(1)), input("2.json", share(2))])
        let score = try #require(merged.report.mutation.first)
        #expect(merged.report.mutation.count == 1)
        #expect((score.total, score.killed, score.survived, score.notCheckable, score.mutantCount) == (4, 3, 1, 3, 4))
        #expect(score.results.map(\.index) == [0, 1, 2, 3])
        #expect(score.survivors.map(\.original) == ["line 2"])
        #expect(score.uncovered.count == 1)
        #expect(
            score.line.hasPrefix("mutation score alpha: 0.75 (3/4 killed, 1 survived, 3 not checkable"), "\(score.line)"
        )
        let junit = merged.report.junit
        #expect(
            junit.contains("<testsuite name=\"mutation alpha\" tests=\"6\" failures=\"1\" skipped=\"1\""), "\(junit)")
        #expect(junit.contains("mutant survived: 'line 2' → '(nothing)' (step write)"), "\(junit)")
        // The merged JSON is a whole report again: it merges on its own to the same.
        let again = try ReportMerge.merge([ReportMerge.Input(path: "m.json", data: Data(merged.json.utf8))])
        #expect(again.json == merged.json)
        #expect(again.report.junit == junit)
    }

    @Test func sharesOfDifferentSetsOrNotCoveringTheSetOnceAreRefused() {
        let otherSet = problems([input("1.json", share(1)), input("2.json", share(2, set: "00000000000000bb"))])
        #expect(otherSet.map(\.code) == ["merge.mutants"], "\(otherSet)")
        #expect(
            otherSet.first?.location.path == "2.json"
                && otherSet.first?.message.contains("another set than 1.json's") == true, "\(otherSet)")

        let otherCount = problems([input("1.json", share(1)), input("2.json", share(2, of: 5))])
        #expect(otherCount.map(\.code) == ["merge.mutants"], "\(otherCount)")

        let gap = problems([input("1.json", share(1)), input("2.json", share(2, indices: [1]))])
        #expect(
            gap.contains {
                $0.code == "merge.mutants" && $0.message.contains("1 of its 4 mutants (4) are in no report")
            }, "\(gap)")

        let twice = problems([input("1.json", share(1)), input("2.json", share(2, indices: [1, 2, 3]))])
        #expect(
            twice.contains {
                $0.code == "merge.duplicate" && $0.location.path == "2.json"
                    && $0.message.contains("mutant 3 of 4 ran here and in 1.json too")
            },
            "\(twice)")

        var bare = share(2)
        bare.mutation = []
        let without = problems([input("1.json", share(1)), input("2.json", bare)])
        #expect(
            without.contains {
                $0.code == "merge.mutants" && $0.location.path == "1.json" && $0.message.contains("none in 2.json")
            }, "\(without)")

        // A missing shard is said once, as a missing shard, not again for the mutants.
        let missing = problems([input("1.json", share(1))])
        #expect(missing.map(\.code) == ["merge.missing-shard"], "\(missing)")
    }

    @Test func theMinScoreOfTheSharesIsJudgedOnTheMergedScore() throws {
        let low = try ReportMerge.merge([
            input("1.json", share(1, minScore: 0.9)), input("2.json", share(2, minScore: 0.9)),
        ])
        let finding = try #require(low.report.mutationFindings.all.first { $0.code == "mutation.score" })
        #expect(
            finding.severity == .error && finding.location.path == "runbooks/fixtures/alpha/fixture.yml", "\(finding)")
        #expect(
            finding.message.contains("runbook alpha: mutation score alpha: 0.75")
                && finding.message.contains("below --min-score 0.9"), "\(finding.message)")
        #expect(low.report.failed)
        let fine = try ReportMerge.merge([
            input("1.json", share(1, minScore: 0.7)), input("2.json", share(2, minScore: 0.7)),
        ])
        #expect(fine.report.mutationFindings.all.allSatisfy { $0.code != "mutation.score" })
    }

    @Test func jsonPositionsCountBytesFromOne() {
        let data = Data("ab\ncdé\nf".utf8)
        #expect(
            JSONPosition.location(ofOffset: 0, in: data, path: "x") == SourceLocation(path: "x", line: 1, column: 1))
        #expect(
            JSONPosition.location(ofOffset: 4, in: data, path: "x") == SourceLocation(path: "x", line: 2, column: 2))
        #expect(
            JSONPosition.location(ofOffset: 7, in: data, path: "x") == SourceLocation(path: "x", line: 2, column: 5))
        #expect(
            JSONPosition.location(ofOffset: 8, in: data, path: "x") == SourceLocation(path: "x", line: 3, column: 1))
        #expect(
            JSONPosition.location(of: "Invalid value around line 5, column 9.", in: data, path: "x")
                == SourceLocation(path: "x", line: 5, column: 9))
    }
}
