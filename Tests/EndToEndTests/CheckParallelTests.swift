import DocketTestSupport
import Foundation
import Testing

/// `docket check --jobs N`: runbooks run at once in the sandbox, and the report (human, JSON,
/// JUnit) is the one a serial run makes, in the same order, whatever finished first.
@Suite(.serialized) struct CheckParallelTests {
    private static let ids = ["alpha", "beta", "delta", "gamma"]

    /// One runbook per id writing `~/ID.txt`; `slow` sleeps first (so it finishes last when
    /// run at once with the others) and `failing` expects text its file does not hold.
    private func site(in folder: URL, failing: String, slow: String) throws {
        var files: [String: String] = [:]
        for id in Self.ids {
            let wait = id == slow ? "sleep 1\n" : ""
            files["docs/\(id).md"] =
                "---\nrunbook:\n  id: \(id)\n  title: Runbook \(id)\n---\n\nWrites a file.\n\n```bash step=write\n\(wait)echo \(id) > ~/\(id).txt\n```\n"
            files["runbooks/fixtures/\(id)/fixture.yml"] =
                "expect:\n  files:\n    ~/\(id).txt:\n      contains: [\(id == failing ? "nope" : id)]\n"
        }
        try Fixtures.write(files, under: folder)
        let generated = try BinaryTests().docket(["runbooks"], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    /// The report with its measured times replaced: the only part that may differ between runs.
    private func timeless(_ text: String) -> String {
        let patterns = [
            #""(durationSeconds|seconds|mutantsPerSecond)" : [0-9.e+-]+"#, #"time="[0-9.]+""#, #"[0-9]+\.[0-9]+ s\b"#,
        ]
        return patterns.reduce(text) { $0.replacingOccurrences(of: $1, with: "TIME", options: .regularExpression) }
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aParallelRunReportsWhatASerialRunReports() throws {
        let folder = Fixtures.temporaryDirectory("docket-jobs")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The first runbook is the slow one: run at once, the others finish before it.
        try site(in: folder, failing: "delta", slow: "alpha")
        var reports: [(json: String, junit: String, stderr: String)] = []
        for jobs in ["1", "4"] {
            let junit = folder.appendingPathComponent("junit-\(jobs).xml")
            let run = try BinaryTests().docket(["check", "--jobs", jobs, "--json", "--junit", junit.path], in: folder)
            #expect(run.status == 1, "delta fails, so the check fails (--jobs \(jobs)): \(run.stderr)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                "not JSON: \(run.stdout)")
            let runbooks = object["runbooks"] as? [[String: Any]] ?? []
            // One failing runbook hides no other's result.
            #expect(runbooks.compactMap { $0["id"] as? String } == Self.ids, "--jobs \(jobs): \(run.stdout)")
            #expect(
                runbooks.map { $0["passed"] as? Bool } == Self.ids.map { $0 != "delta" },
                "--jobs \(jobs): \(run.stdout)")
            #expect(run.stderr.contains("runbook delta: FAILED"), "\(run.stderr)")
            reports.append(
                (timeless(run.stdout), timeless(try String(contentsOf: junit, encoding: .utf8)), timeless(run.stderr)))
        }
        #expect(reports[0].json == reports[1].json)
        #expect(reports[0].junit == reports[1].junit)
        #expect(reports[0].stderr == reports[1].stderr)
        #expect(reports[0].junit.contains("runbook alpha") && reports[0].junit.contains("runbook gamma"))
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func mutantsOfParallelRunbooksAreReportedInRunbookOrder() throws {
        let folder = Fixtures.temporaryDirectory("docket-jobs")
        defer { try? FileManager.default.removeItem(at: folder) }
        try site(in: folder, failing: "delta", slow: "beta")
        var reports: [String] = []
        for jobs in ["1", "2"] {
            let run = try BinaryTests().docket(["check", "--jobs", jobs, "--mutants", "2", "--json"], in: folder)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                "not JSON: \(run.stdout)")
            let scored = (object["mutation"] as? [[String: Any]] ?? []).compactMap { $0["runbook"] as? String }
            // The failing runbook has no mutants; the others are scored in runbook order.
            #expect(scored == ["alpha", "beta", "gamma"], "--jobs \(jobs): \(run.stdout)")
            reports.append(timeless(run.stdout))
        }
        #expect(reports[0] == reports[1])
    }

    @Test(arguments: ["0", "-1", "two"])
    func jobsThatAreNoCountAreAUsageError(value: String) throws {
        let folder = Fixtures.temporaryDirectory("docket-jobs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try BinaryTests().docket(["check", "--jobs=\(value)"], in: folder)
        #expect(run.status != 0 && run.status != 1, "\(run.stderr)")
        #expect(run.stderr.contains("--jobs"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func jobsDoesNotApplyToAMerge() throws {
        let folder = Fixtures.temporaryDirectory("docket-jobs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try BinaryTests().docket(["check", "--merge-reports", "a.json", "--jobs", "2"], in: folder)
        #expect(run.status == 2 && run.stderr.contains("so --jobs does not apply"), "\(run.stderr)")
    }
}
