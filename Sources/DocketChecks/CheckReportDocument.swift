import DocketDiagnostics
import Foundation

/// The JSON report of `docket check --json`, as written (`CheckReport.json`) and as read back by
/// `--merge-reports`: one set of Codable types for both, encoded by `ReportJSON`. Keys a reader
/// does not need (`passed`, the summary's counts) are optional when read, and recomputed from
/// the rest rather than trusted.
struct CheckReportDocument: Codable {
    struct Place: Codable {
        var file: String
        var line: Int
        var column: Int

        init(_ location: SourceLocation) {
            file = location.path
            line = location.line
            column = location.column
        }

        var location: SourceLocation { SourceLocation(path: file, line: line, column: column) }
    }

    struct Problem: Codable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        var detail: String?
        var code: String?
        var step: String?
        var related: [Place]?
    }

    struct Step: Codable {
        var name: String
        var outcome: String
        var expected: String
        var file: String
        var line: Int
        var passed: Bool?
    }

    struct Expectation: Codable {
        var name: String
        var state: String
        var file: String
        var line: Int
        var column: Int
    }

    struct Runbook: Codable {
        var id: String
        var passed: Bool?
        var durationSeconds: Double
        var steps: [Step]
        var expectations: [Expectation]
        var failures: [Problem]
    }

    struct Summary: Codable {
        var pages: Int
        var links: Int
        var runbooks: Int?
        var errors: Int?
        var warnings: Int?
        var strict: Bool
    }

    /// A mutant: its place and change; in `mutants`, also its outcome, time and place in the
    /// runbook's whole set.
    struct MutantEntry: Codable {
        var file: String
        var line: Int
        var column: Int
        var kind: String
        var step: String
        var original: String
        var replacement: String
        var outcome: String?
        var seconds: Double?
        var index: Int?
    }

    /// A place no run executes.
    struct UncoveredEntry: Codable {
        var file: String
        var line: Int
        var endLine: Int
        var column: Int
        var kind: String
        var label: String?
        var text: String
        var mutants: Int
    }

    /// One runbook's mutation score.
    struct Score: Codable {
        var runbook: String
        var total: Int
        var killed: Int
        var survived: Int?
        var timedOut: Int?
        var notCheckable: Int
        var errors: Int
        var score: Double?
        var mutantsPerSecond: Double
        var durationSeconds: Double?
        var survivors: [MutantEntry]?
        var mutants: [MutantEntry]?
        var uncovered: [UncoveredEntry]?
        /// The whole set, all shards together (`MutationScore.mutantCount`, `mutantSet`).
        var mutantCount: Int?
        var mutantSet: String?
        /// The share this report ran (`--shard`), and the `--min-score` the merge judges.
        var shard: String?
        var minScore: Double?
        var fixture: Place?

        /// The run's time, from the rate (written to 0.01, closer than the duration's 0.1) so
        /// that the merged score line prints the rate the shard printed.
        var duration: Double {
            mutantsPerSecond > 0 ? Double(total + errors) / mutantsPerSecond : durationSeconds ?? 0
        }
    }

    var passed: Bool?
    var version: Int
    var shard: String?
    var diagnostics: [Problem]
    var runbooks: [Runbook]
    var summary: Summary
    var mutation: [Score]?

    /// A value the report format does not allow (a severity or outcome docket never writes).
    struct Invalid: Error {
        var message: String
    }

    static func diagnostic(_ p: Problem) throws(Invalid) -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: p.severity) else {
            throw Invalid(message: "a diagnostic has the severity '\(p.severity)'; a report has only error and warning")
        }
        return Diagnostic(
            severity, at: SourceLocation(path: p.file, line: p.line, column: p.column), p.message, detail: p.detail,
            code: p.code, step: p.step, related: (p.related ?? []).map(\.location))
    }

    /// `ok`, `skipped`, `failed`, `failed with status N`: the words `StepOutcome` prints.
    static func outcome(_ text: String) throws(Invalid) -> Expectations.StepOutcome {
        switch text {
        case "ok": return .ok
        case "skipped": return .skipped
        case "failed": return .failed(nil)
        default:
            let prefix = "failed with status "
            if text.hasPrefix(prefix), let status = Int(text.dropFirst(prefix.count)) { return .failed(status) }
            throw Invalid(
                message: "a step outcome reads '\(text)'; a report has ok, skipped, failed or failed with status N")
        }
    }

    static func result(_ r: Runbook) throws(Invalid) -> RunbookCheckResult {
        var steps: [RunbookCheckResult.StepResult] = []
        for s in r.steps {
            // The JSON report gives a step's page line, not its column.
            steps.append(
                .init(
                    name: s.name, actual: try outcome(s.outcome), expected: try outcome(s.expected),
                    location: SourceLocation(path: s.file, line: s.line, column: 1), output: ""))
        }
        var failures: [Diagnostic] = []
        for f in r.failures { failures.append(try diagnostic(f)) }
        var expectations: [RunbookCheckResult.ExpectationResult] = []
        for e in r.expectations {
            guard let state = RunbookCheckResult.ExpectationResult.State(rawValue: e.state) else {
                throw Invalid(
                    message:
                        "expectation '\(e.name)' of runbook \(r.id) has the state '\(e.state)'; a report has passed, failed or not checked"
                )
            }
            let location = SourceLocation(path: e.file, line: e.line, column: e.column)
            // Which failures an expectation found is not in the report: those located at its
            // fixture line are its own.
            expectations.append(
                .init(
                    name: e.name, location: location, state: state,
                    failures: state == .failed
                        ? failures.filter { $0.location == location || $0.related.contains(location) } : []))
        }
        return RunbookCheckResult(
            runbook: r.id, steps: steps, expectations: expectations, failures: failures, duration: r.durationSeconds)
    }

    /// A mutant as the report describes it (it cannot run again: no runbook).
    static func mutant(_ m: MutantEntry) -> Mutant {
        Mutant(
            kind: m.kind, step: m.step, location: SourceLocation(path: m.file, line: m.line, column: m.column),
            original: m.original, replacement: m.replacement, runbook: nil)
    }

    static func result(_ m: MutantEntry) throws(Invalid) -> MutantResult {
        guard let text = m.outcome, let outcome = MutantResult.Outcome(rawValue: text) else {
            throw Invalid(
                message:
                    "mutant \(m.file):\(m.line):\(m.column) has the outcome '\(m.outcome ?? "")'; a report has killed, timed out, survived or could not run"
            )
        }
        return MutantResult(mutant: mutant(m), outcome: outcome, duration: m.seconds ?? 0, index: m.index ?? 0)
    }

    static func uncovered(_ u: UncoveredEntry) throws(Invalid) -> UncoveredText {
        guard let kind = UncoveredText.Kind(rawValue: u.kind) else {
            throw Invalid(message: "a not-checkable place \(u.file):\(u.line) has the kind '\(u.kind)'")
        }
        return UncoveredText(
            location: SourceLocation(path: u.file, line: u.line, column: u.column), endLine: u.endLine,
            kind: kind, label: u.label, text: u.text, mutants: u.mutants)
    }
}
