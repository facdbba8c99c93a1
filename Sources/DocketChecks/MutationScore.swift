import DocketDiagnostics
import Foundation

/// How well one runbook's fixture catches changes of its page: killed / total mutants.
public struct MutationScore: Sendable {
    public var runbook: String
    /// Mutants that ran (killed or survived; not those that could not run).
    public var total: Int
    /// Killed by a failed expectation or by the time limit.
    public var killed: Int
    /// Mutants of text no run executes (manual steps, `norun` blocks, commands in prose): counted
    /// apart, never in `total`; `uncovered` lists where they are.
    public var notCheckable: Int
    /// Mutants that could not run at all (a sandbox error): neither killed nor survived.
    public var errors: Int
    public var survivors: [Mutant]
    public var duration: TimeInterval
    /// Every mutant that was run, in page order, with its outcome (empty in a merged report).
    public var results: [MutantResult] = []
    /// The places of the not-checkable mutants, in page order.
    public var uncovered: [UncoveredText] = []
    /// The runbook's whole set of mutants (after `--mutants` sampling), all shards together:
    /// how many, and a fingerprint of them (`MutationRun.fingerprint`), by which the merge of
    /// the shards' reports sees that every shard made the same set. Nil in a report read back
    /// from an older docket.
    public var mutantCount: Int?
    public var mutantSet: String?
    /// `--shard K/N` with `--mutate`: this check ran only this share of the mutants.
    public var share: CheckShard?
    /// `--min-score`, recorded where a share cannot be judged alone: the merge judges the
    /// whole score, and reports a low one at `fixture`.
    public var minScore: Double?
    public var fixture: SourceLocation?

    /// killed / total (1 when there is nothing to mutate).
    public var score: Double { total == 0 ? 1 : Double(killed) / Double(total) }
    public var survived: Int { total - killed }
    /// Of the killed, those stopped at the mutant time limit.
    public var timedOut: Int { results.filter { $0.outcome == .timedOut }.count }
    public var perSecond: Double { duration > 0 ? Double(total + errors) / duration : 0 }

    /// `mutation score authentik: 0.91 (41/45 killed, 4 survived, 3 not checkable, 12.4 mutants/s, 38.1 s)`.
    public var line: String {
        var parts = ["\(killed)/\(total) killed"]
        if timedOut > 0 { parts[0] += " (\(timedOut) by the time limit)" }
        parts.append("\(survived) survived")
        parts.append("\(notCheckable) not checkable")
        if errors > 0 { parts.append("\(errors) could not run") }
        parts.append(String(format: "%.2f mutants/s", perSecond))
        parts.append(String(format: "%.1f s", duration))
        if let share, let mutantCount { parts.append("shard \(share): \(results.count) of \(mutantCount) mutants") }
        return "mutation score \(runbook): \(String(format: "%.2f", score)) (\(parts.joined(separator: ", ")))"
    }

    /// The score line, then the places no run covers, one a line:
    ///
    /// ```
    /// mutation score gpu-server: 0.93 (…)
    ///   not checkable, 14 mutants in 6 places no run executes:
    ///     content/guides/gpu-server.md:141: norun block (shows a secret): grep … (3 mutants)
    /// ```
    public var report: String {
        guard !uncovered.isEmpty else { return line }
        let places = uncovered.count
        return
            ([
                line,
                "  not checkable, \("mutant".counted(notCheckable)) in \("place".counted(places)) no run executes:",
            ]
            + uncovered.map { "    " + $0.line }).joined(separator: "\n")
    }
}
