import DocketDiagnostics
import Foundation

/// `--merge-reports` for `--mutate`: each runbook's mutation entries of the shards' reports made
/// one score. With `--shard`, every shard ran a share of every runbook's mutants; the shares
/// must be of one set (the same count and fingerprint: the same page, `--mutants` and
/// `--mutation-seed`) and together hold each mutant of it exactly once. A shard without an entry
/// for a runbook that others have (run without `--mutate`, or its check of the runbook failed)
/// is refused too, as a missing shard is: the score would silently cover fewer mutants.
struct MutationMerge {
    /// One report's entry for a runbook: the file it is in, and where.
    struct Part {
        var input: ReportMerge.Input
        var at: SourceLocation
        var entry: CheckReportDocument.Score
    }

    /// The parts by runbook, in the order first seen.
    private(set) var order: [String] = []
    private var parts: [String: [Part]] = [:]

    mutating func add(_ part: Part) {
        if parts[part.entry.runbook] == nil { order.append(part.entry.runbook) }
        parts[part.entry.runbook, default: []].append(part)
    }

    /// The merged scores, and a finding for each score below the `--min-score` the shards
    /// recorded; or every problem. `reports`: the paths of all the merged reports.
    func scores(reports: [String]) -> (scores: [MutationScore], findings: [Diagnostic], problems: [Diagnostic]) {
        var scores: [MutationScore] = []
        var findings: [Diagnostic] = []
        var problems: [Diagnostic] = []
        for runbook in order {
            let found = parts[runbook] ?? []
            let before = problems.count
            problems += agreement(runbook, found, reports: reports)
            guard problems.count == before else { continue }
            do throws(CheckReportDocument.Invalid) {
                let score = try combine(runbook, found)
                scores.append(score)
                // Judged once, here, for shares; a whole report's score was judged by its check.
                if found.contains(where: { $0.entry.shard != nil }), let minScore = score.minScore,
                    score.score < minScore
                {
                    findings.append(
                        Diagnostic(
                            .error, at: score.fixture ?? found[0].at,
                            "runbook \(runbook): \(score.line), below --min-score \(minScore)",
                            code: "mutation.score"))
                }
            } catch {
                problems.append(Diagnostic(.error, at: found[0].at, error.message, code: "merge.format"))
            }
        }
        return (scores, findings, problems)
    }

    /// Whether the parts are shares of one set that cover it once.
    private func agreement(_ runbook: String, _ found: [Part], reports: [String]) -> [Diagnostic] {
        let first = found[0]
        // An entry of an older docket, or of a whole (unsharded) run: the only one allowed.
        guard found.allSatisfy({ $0.entry.mutantCount != nil && $0.entry.mutantSet != nil }),
            found.contains(where: { $0.entry.shard != nil })
        else {
            guard found.count == 1 else {
                return [
                    Diagnostic(
                        .error, at: found[1].at,
                        "runbook \(runbook) has mutation results in \(first.input.path) too, and they are not shares of one --shard run",
                        code: "merge.duplicate", related: [first.at])
                ]
            }
            return []
        }
        var problems: [Diagnostic] = []
        let count = first.entry.mutantCount ?? 0, set = first.entry.mutantSet ?? ""
        for part in found.dropFirst() where part.entry.mutantCount != count || part.entry.mutantSet != set {
            problems.append(
                Diagnostic(
                    .error, at: part.at,
                    "runbook \(runbook): this report's mutants are another set than \(first.input.path)'s (\(part.entry.mutantCount ?? 0) mutants, set \(part.entry.mutantSet ?? "") here; \(count), set \(set) there): the shards ran another page, --mutants or --mutation-seed",
                    code: "merge.mutants", related: [first.at]))
        }
        guard problems.isEmpty else { return problems }
        let with = Set(found.map(\.input.path))
        let without = reports.filter { !with.contains($0) }
        if !without.isEmpty {
            problems.append(
                Diagnostic(
                    .error, at: first.at,
                    "runbook \(runbook) has mutation results here but none in \(without.joined(separator: ", ")): its mutants there did not run (a check without --mutate, or the runbook failed there), so the score would miss them",
                    code: "merge.mutants"))
            return problems
        }
        var seen: [Int: Part] = [:]
        for part in found {
            for mutant in part.entry.mutants ?? [] {
                guard let index = mutant.index, (0..<count).contains(index) else {
                    problems.append(
                        Diagnostic(
                            .error, at: part.at,
                            "runbook \(runbook): a mutant (\(mutant.file):\(mutant.line):\(mutant.column)) has no place in the set of \(count)",
                            code: "merge.mutants"))
                    continue
                }
                if let other = seen[index] {
                    problems.append(
                        Diagnostic(
                            .error, at: part.at,
                            "runbook \(runbook): mutant \(index + 1) of \(count) ran here and in \(other.input.path) too: two shards ran it",
                            code: "merge.duplicate", related: [other.at]))
                } else {
                    seen[index] = part
                }
            }
        }
        let missing = (0..<count).filter { seen[$0] == nil }
        if problems.isEmpty, !missing.isEmpty {
            let listed =
                missing.prefix(5).map { String($0 + 1) }.joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            problems.append(
                Diagnostic(
                    .error, at: first.at,
                    "runbook \(runbook): \(missing.count) of its \(count) mutants (\(listed)) are in no report",
                    code: "merge.mutants"))
        }
        return problems
    }

    /// The parts as one score: counts added up, the mutants in the order of the set, the
    /// not-checkable places once (every shard finds the same), the time of the slowest shard
    /// (they ran side by side).
    private func combine(_ runbook: String, _ found: [Part]) throws(CheckReportDocument.Invalid) -> MutationScore {
        var results: [MutantResult] = []
        for part in found {
            for entry in part.entry.mutants ?? [] { results.append(try CheckReportDocument.result(entry)) }
        }
        results.sort { $0.index < $1.index }
        var uncovered: [UncoveredText] = []
        for entry in found[0].entry.uncovered ?? [] { uncovered.append(try CheckReportDocument.uncovered(entry)) }
        // A report without its mutants (an older docket's) keeps its survivors as written.
        let survivors =
            results.isEmpty
            ? found.flatMap { ($0.entry.survivors ?? []).map(CheckReportDocument.mutant) }
            : results.filter { $0.outcome == .survived }.map(\.mutant)
        var score = MutationScore(
            runbook: runbook, total: found.reduce(0) { $0 + $1.entry.total },
            killed: found.reduce(0) { $0 + $1.entry.killed },
            notCheckable: found[0].entry.notCheckable, errors: found.reduce(0) { $0 + $1.entry.errors },
            survivors: survivors, duration: found.map(\.entry.duration).max() ?? 0, results: results,
            uncovered: uncovered)
        score.mutantCount = found[0].entry.mutantCount
        score.mutantSet = found[0].entry.mutantSet
        score.minScore = found.compactMap(\.entry.minScore).max()
        score.fixture = found.compactMap(\.entry.fixture).first?.location
        return score
    }
}
