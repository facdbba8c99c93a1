import DocketTestSupport
import Foundation
import Testing

/// `docket check --mutate`: a mutant the fixture notices is killed, one it does not survives and
/// is a warning at the changed page line; `--min-score` fails below the score.
@Suite(.serialized) struct MutationTests {
    private func project() throws -> URL {
        let temp = Fixtures.temporaryDirectory("docket-mutation")
        let source = Fixtures.url("checks").appendingPathComponent("mutants")
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(item), to: temp.appendingPathComponent(item))
        }
        #expect(try BinaryTests().docket(["runbooks"], in: temp).status == 0)
        return temp
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aKilledAndASurvivingMutantAreReportedAsSuch() throws {
        let project = try project()
        defer { try? FileManager.default.removeItem(at: project) }
        let junit = project.appendingPathComponent("report.xml")
        let run = try BinaryTests().docket(["check", "--mutate", "--json", "--junit", junit.path], in: project)
        #expect(run.status == 0, "survivors are warnings: \(run.stdout)\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let score = try #require((object["mutation"] as? [[String: Any]])?.first)
        let total = try #require(score["total"] as? Int), killed = try #require(score["killed"] as? Int)
        let survived = try #require(score["survived"] as? Int)
        #expect(total >= 4 && killed >= 2 && survived >= 1 && killed + survived == total, "\(score)")
        // Each mutant with its outcome: dropping the checked line is killed, dropping the
        // unchecked one survives.
        let mutants = try #require(score["mutants"] as? [[String: Any]])
        #expect(mutants.count == total)
        func outcome(line: Int, kind: String) -> String? {
            mutants.first { $0["line"] as? Int == line && $0["kind"] as? String == kind }?["outcome"] as? String
        }
        #expect(outcome(line: 10, kind: "drop line") == "killed", "\(mutants)")
        #expect(outcome(line: 11, kind: "drop line") == "survived", "\(mutants)")
        #expect(outcome(line: 9, kind: "drop step") == "killed", "\(mutants)")
        let survivors = score["survivors"] as? [[String: Any]] ?? []
        #expect(survivors.contains { $0["line"] as? Int == 11 && $0["kind"] as? String == "drop line" }, "\(survivors)")
        #expect(
            !survivors.contains { $0["line"] as? Int == 10 && $0["kind"] as? String == "drop line" }, "\(survivors)")
        #expect(survivors.count == survived)
        let warnings = (object["diagnostics"] as? [[String: Any]] ?? []).filter {
            $0["code"] as? String == "mutation.survived"
        }
        #expect(
            warnings.contains {
                $0["line"] as? Int == 11
                    && ($0["message"] as? String ?? "").hasPrefix(
                        "mutant survived: 'echo \"note\" >~/note.txt' → '(nothing)' (step write)")
            },
            "\(warnings)")
        #expect(!warnings.contains { $0["line"] as? Int == 10 }, "\(warnings)")
        #expect(run.stderr.contains("mutation score mutants: "), "\(run.stderr)")

        // JUnit: the survivor is a failing case at its page line, the killed one a passing case.
        let xml = try String(contentsOf: junit, encoding: .utf8)
        let lines = xml.split(separator: "\n").map(String.init)
        let killedCase = try #require(lines.firstIndex { $0.contains("name=\"drop line 10:1 ") })
        #expect(lines[killedCase].hasSuffix("/>"), "\(xml)")
        #expect(
            lines[killedCase].contains("line=\"10\"")
                && lines[killedCase].contains("classname=\"runbook.mutants.mutants\""))
        let survivorCase = try #require(lines.firstIndex { $0.contains("name=\"drop line 11:1 ") })
        #expect(
            !lines[survivorCase].hasSuffix("/>")
                && lines[survivorCase].contains("file=\"docs/mutants.md\" line=\"11\""), "\(xml)")
        #expect(
            lines[survivorCase + 1].contains("<failure")
                && lines[survivorCase + 1].contains("type=\"mutation.survived\""), "\(xml)")
        #expect(
            xml.contains(
                "<testsuite name=\"mutation mutants\" tests=\"\(total + 3)\" failures=\"\(survived)\" skipped=\"2\""),
            "\(xml)")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func notCheckableTextIsCountedApartAndListed() throws {
        let project = try project()
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--mutate", "--json"], in: project)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let score = try #require((object["mutation"] as? [[String: Any]])?.first)
        let uncovered = try #require(score["uncovered"] as? [[String: Any]], "\(score)")
        // The norun block's line and the command in the prose; the step's own lines are not there.
        let norun = try #require(uncovered.first { $0["kind"] as? String == "norun block" }, "\(uncovered)")
        #expect(
            norun["line"] as? Int == 17 && norun["file"] as? String == "docs/mutants.md"
                && norun["label"] as? String == "shows the file")
        let prose = try #require(uncovered.first { $0["kind"] as? String == "command in prose" }, "\(uncovered)")
        #expect(prose["line"] as? Int == 20 && prose["text"] as? String == "grep -c color=blue ~/app.conf", "\(prose)")
        #expect(!uncovered.contains { ($0["line"] as? Int ?? 0) < 13 }, "\(uncovered)")
        let counted = uncovered.reduce(0) { $0 + ($1["mutants"] as? Int ?? 0) }
        #expect(counted > 0 && score["notCheckable"] as? Int == counted, "\(score)")
        // Not part of the score: no mutant of theirs ran.
        let mutants = score["mutants"] as? [[String: Any]] ?? []
        #expect(!mutants.contains { ($0["line"] as? Int ?? 0) > 12 }, "\(mutants)")
        // The human report lists the places under the score line.
        #expect(
            run.stderr.contains("  not checkable, \(counted) mutants in 2 places no run executes:"), "\(run.stderr)")
        #expect(
            run.stderr.contains("    docs/mutants.md:17: norun block (shows the file): grep -i color ~/app.conf"),
            "\(run.stderr)")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aScoreBelowMinScoreFailsAndBadValuesAreRefused() throws {
        let project = try project()
        defer { try? FileManager.default.removeItem(at: project) }
        let junit = project.appendingPathComponent("report.xml")
        let failed = try BinaryTests().docket(["check", "--min-score", "1", "--junit", junit.path], in: project)
        #expect(failed.status == 1)
        #expect(
            failed.stdout.contains("[mutation.score]") || failed.stderr.contains("below --min-score 1"),
            "\(failed.stdout)\(failed.stderr)")
        // The JUnit report's score case fails too.
        let xml = try String(contentsOf: junit, encoding: .utf8)
        let scoreCase = try #require(
            xml.range(of: "<testcase name=\"score\" classname=\"runbook.mutants.mutants\">\n      <failure "), "\(xml)")
        #expect(xml[scoreCase.upperBound...].hasPrefix("message=\"runbooks/fixtures/mutants/fixture.yml"), "\(xml)")
        let refused = try BinaryTests().docket(["check", "--min-score", "2"], in: project)
        #expect(refused.status == 2)
        let none = try BinaryTests().docket(["check", "--mutants", "0"], in: project)
        #expect(none.status == 2)
    }

    /// `--shard K/N --mutate` splits the runbook's mutants, not only the runbooks: each shard
    /// runs a share, the shares are the whole set once, and `--merge-reports` adds them up into
    /// the score of a whole run, with the mutation suite in the JUnit file. Shards of different
    /// sets, and a missing shard, are refused.
    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func mutantsAreSplitOverShardsAndMergeIntoTheWholeScore() throws {
        let project = try project()
        defer { try? FileManager.default.removeItem(at: project) }
        func score(_ json: String) throws -> [String: Any] {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "not JSON: \(json)")
            return try #require((object["mutation"] as? [[String: Any]])?.first, "\(object)")
        }
        let whole = try score(BinaryTests().docket(["check", "--mutate", "--json"], in: project).stdout)
        let total = try #require(whole["total"] as? Int), count = try #require(whole["mutantCount"] as? Int)
        #expect(count == total && total >= 4, "\(whole)")
        var reports: [String] = []
        var indices: [Int] = []
        for k in 1...2 {
            let run = try BinaryTests().docket(["check", "--mutate", "--shard", "\(k)/2", "--json"], in: project)
            let share = try score(run.stdout)
            let mutants = share["mutants"] as? [[String: Any]] ?? []
            #expect(
                share["shard"] as? String == "\(k)/2" && share["mutantCount"] as? Int == count
                    && share["mutantSet"] as? String == whole["mutantSet"] as? String,
                "\(share)")
            #expect(
                mutants.count < total && mutants.count >= total / 2,
                "shard \(k)/2 runs about half: \(mutants.count) of \(total)")
            #expect(run.stderr.contains("shard \(k)/2: \(mutants.count) of \(count) mutants"), "\(run.stderr)")
            indices += mutants.compactMap { $0["index"] as? Int }
            let path = project.appendingPathComponent("shard-\(k).json").path
            try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            reports.append(path)
        }
        #expect(indices.sorted() == Array(0..<count), "each mutant in exactly one shard: \(indices.sorted())")

        let junit = project.appendingPathComponent("merged.xml").path
        let merged = try BinaryTests().docket(
            ["check", "--merge-reports"] + reports + ["--json", "--junit", junit], in: project)
        #expect(merged.status == 0, "\(merged.stderr)")
        let sum = try score(merged.stdout)
        for key in ["total", "killed", "survived", "notCheckable", "mutantCount"] {
            #expect(sum[key] as? Int == whole[key] as? Int, "\(key): \(sum) against \(whole)")
        }
        #expect((sum["mutants"] as? [[String: Any]])?.compactMap { $0["index"] as? Int } == Array(0..<count))
        #expect(merged.stderr.contains("mutation score mutants: "), "\(merged.stderr)")
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        let survived = try #require(whole["survived"] as? Int)
        #expect(
            xml.contains(
                "<testsuite name=\"mutation mutants\" tests=\"\(total + 3)\" failures=\"\(survived)\" skipped=\"2\""),
            "\(xml)")

        // A shard of another set (a sample of 2), and a shard missing.
        let other = try BinaryTests().docket(
            ["check", "--mutate", "--mutants", "2", "--shard", "2/2", "--json"], in: project)
        let otherPath = project.appendingPathComponent("other-2.json").path
        try other.stdout.write(toFile: otherPath, atomically: true, encoding: .utf8)
        let mixed = try BinaryTests().docket(["check", "--merge-reports", reports[0], otherPath], in: project)
        #expect(mixed.status == 2, "\(mixed.stderr)")
        #expect(
            mixed.stderr.contains("other-2.json:")
                && mixed.stderr.contains("runbook mutants: this report's mutants are another set than"),
            "\(mixed.stderr)")
        let missing = try BinaryTests().docket(["check", "--merge-reports", reports[0]], in: project)
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("no report of shard 2/2"), "\(missing.stderr)")
    }
}
