import DocketDiagnostics
import Foundation

/// A JSON report of `docket check --json` as read back by `--merge-reports`: the same keys
/// `CheckReport.json` writes, turned back into a `CheckReport`. Keys a reader does not need
/// (`passed`, the summary's counts) are recomputed from the rest rather than trusted.
struct CheckReportDocument: Decodable {
    struct Place: Decodable {
        var file: String
        var line: Int
        var column: Int

        var location: SourceLocation { SourceLocation(path: file, line: line, column: column) }
    }

    struct Problem: Decodable {
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

    struct Step: Decodable {
        var name: String
        var outcome: String
        var expected: String
        var file: String
        var line: Int
    }

    struct Expectation: Decodable {
        var name: String
        var state: String
        var file: String
        var line: Int
        var column: Int
    }

    struct Runbook: Decodable {
        var id: String
        var durationSeconds: Double
        var steps: [Step]
        var expectations: [Expectation]
        var failures: [Problem]
    }

    struct Summary: Decodable {
        var pages: Int
        var links: Int
        var strict: Bool
    }

    /// The counts of a mutation score; its survivors are carried over as written.
    struct Score: Decodable {
        var runbook: String
        var total: Int
        var killed: Int
        var notCheckable: Int
        var errors: Int
        var mutantsPerSecond: Double
        var durationSeconds: Double?

        /// The run's time, from the rate (written to 0.01, closer than the duration's 0.1) so
        /// that the merged score line prints the rate the shard printed.
        var duration: Double {
            mutantsPerSecond > 0 ? Double(total + errors) / mutantsPerSecond : durationSeconds ?? 0
        }
    }

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
        return Diagnostic(severity, at: SourceLocation(path: p.file, line: p.line, column: p.column), p.message, detail: p.detail,
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
            throw Invalid(message: "a step outcome reads '\(text)'; a report has ok, skipped, failed or failed with status N")
        }
    }

    static func result(_ r: Runbook) throws(Invalid) -> RunbookCheckResult {
        var steps: [RunbookCheckResult.StepResult] = []
        for s in r.steps {
            // The JSON report gives a step's page line, not its column.
            steps.append(.init(name: s.name, actual: try outcome(s.outcome), expected: try outcome(s.expected),
                               location: SourceLocation(path: s.file, line: s.line, column: 1), output: ""))
        }
        var failures: [Diagnostic] = []
        for f in r.failures { failures.append(try diagnostic(f)) }
        var expectations: [RunbookCheckResult.ExpectationResult] = []
        for e in r.expectations {
            guard let state = RunbookCheckResult.ExpectationResult.State(rawValue: e.state) else {
                throw Invalid(message: "expectation '\(e.name)' of runbook \(r.id) has the state '\(e.state)'; a report has passed, failed or not checked")
            }
            let location = SourceLocation(path: e.file, line: e.line, column: e.column)
            // Which failures an expectation found is not in the report: those located at its
            // fixture line are its own.
            expectations.append(.init(name: e.name, location: location, state: state,
                                      failures: state == .failed ? failures.filter { $0.location == location || $0.related.contains(location) } : []))
        }
        return RunbookCheckResult(runbook: r.id, steps: steps, expectations: expectations, failures: failures, duration: r.durationSeconds)
    }
}
