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
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: temp.appendingPathComponent(item))
        }
        #expect(try BinaryTests().docket(["runbooks"], in: temp).status == 0)
        return temp
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aKilledAndASurvivingMutantAreReportedAsSuch() throws {
        let project = try project()
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--mutate", "--json"], in: project)
        #expect(run.status == 0, "survivors are warnings: \(run.stdout)\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let score = try #require((object["mutation"] as? [[String: Any]])?.first)
        let total = try #require(score["total"] as? Int), killed = try #require(score["killed"] as? Int)
        #expect(total >= 4 && killed >= 2 && killed < total, "\(score)")
        let survivors = score["survivors"] as? [[String: Any]] ?? []
        // Dropping the unchecked line survives; dropping the checked one is killed.
        #expect(survivors.contains { $0["line"] as? Int == 11 && $0["kind"] as? String == "drop line" }, "\(survivors)")
        #expect(!survivors.contains { $0["line"] as? Int == 10 && $0["kind"] as? String == "drop line" }, "\(survivors)")
        #expect(!survivors.contains { $0["kind"] as? String == "drop step" })
        let warnings = (object["diagnostics"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "mutation.survived" }
        #expect(warnings.contains { $0["line"] as? Int == 11 && ($0["message"] as? String ?? "").hasPrefix("mutant survived: 'echo \"note\" >~/note.txt' → '(nothing)' (step write)") },
                "\(warnings)")
        #expect(run.stderr.contains("mutation score mutants: "), "\(run.stderr)")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aScoreBelowMinScoreFailsAndBadValuesAreRefused() throws {
        let project = try project()
        defer { try? FileManager.default.removeItem(at: project) }
        let failed = try BinaryTests().docket(["check", "--min-score", "1"], in: project)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("[mutation.score]") || failed.stderr.contains("below --min-score 1"), "\(failed.stdout)\(failed.stderr)")
        let refused = try BinaryTests().docket(["check", "--min-score", "2"], in: project)
        #expect(refused.status == 2)
        let none = try BinaryTests().docket(["check", "--mutants", "0"], in: project)
        #expect(none.status == 2)
    }
}
