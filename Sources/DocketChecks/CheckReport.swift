import DocketBuild
import DocketDiagnostics
import DocketRunbooks
import DocketSandbox
import Foundation

/// Everything `docket check` found.
public struct CheckReport: Sendable {
    /// Problems of the site itself: links, anchors, front matter.
    public var site = Diagnostics()
    /// Runbook lint (extraction and shellcheck).
    public var lint = Diagnostics()
    /// Committed runbooks that differ from the pages.
    public var drift = Diagnostics()
    /// Fixture problems and runbooks without a fixture.
    public var fixtures = Diagnostics()
    public var runbooks: [RunbookCheckResult] = []
    /// `--mutate`: each runbook's score, and its surviving mutants and scores below
    /// `--min-score` as findings.
    public var mutation: [MutationScore] = []
    public var mutationFindings = Diagnostics()
    /// Pages and links checked (for the summary).
    public var pages = 0
    public var links = 0
    /// `--strict`: a warning fails the check too.
    public var strict = false
    /// `--shard K/N`, when the check ran one shard (recorded in the JSON report for the merge).
    public var shard: CheckShard?
    /// What `--shard` and `--changed-since` left out, in words (printed before the summary).
    public var notes: [String] = []

    /// The version of the JSON report's format: `--merge-reports` refuses to mix versions.
    public static let formatVersion = 1

    public init() {}

    public var all: Diagnostics {
        var all = Diagnostics()
        for group in [site, lint, drift, fixtures, mutationFindings] { all.append(contentsOf: group) }
        for runbook in runbooks { all.append(contentsOf: runbook.failures) }
        return all
    }

    public var failed: Bool { all.hasErrors || (strict && !all.warnings.isEmpty) }

    /// The last line of every check: what was looked at and how it went.
    public var summary: String {
        let all = self.all
        let passed = runbooks.filter(\.passed).count
        var line =
            "docket check: \("page".counted(pages)), \("link".counted(links)), \("runbook".counted(runbooks.count)) run"
        if !runbooks.isEmpty { line += " (\(passed) passed, \(runbooks.count - passed) failed)" }
        line += "; \("error".counted(all.errors.count)), \("warning".counted(all.warnings.count))"
        line += failed ? (strict && !all.hasErrors ? ": FAILED (--strict: warnings fail)" : ": FAILED") : ": passed"
        return line
    }

    /// Files a diagnostic read back from a JSON report (`--merge-reports`) under the group that
    /// made it, by its code: the JUnit report puts each group in a test case of its own. Lint
    /// from extraction has no code and is filed with the site's problems.
    mutating func append(grouping diagnostic: Diagnostic) {
        let code = diagnostic.code ?? ""
        if code == "runbook.drift" {
            drift.append(diagnostic)
        } else if code.hasPrefix("mutation.") {
            mutationFindings.append(diagnostic)
        } else if code.hasPrefix("shellcheck") {
            lint.append(diagnostic)
        } else if code.hasPrefix("fixture.") || code.hasPrefix("run.") || code.hasPrefix("expect.")
            || code.hasPrefix("step.")
            || code.hasPrefix("idempotence.")
            || ["runbook.unchecked", "check.no-runbook", "request.unrouted"].contains(code)
        {
            fixtures.append(diagnostic)
        } else {
            site.append(diagnostic)
        }
    }
}
