import DocketDiagnostics
import DocketRunbooks
import DocketSandbox
import Foundation
import Synchronization

/// `docket check --mutate`: runs a runbook's mutants (`MutationOperators`) against its fixture
/// in the sandbox, `workers` at once (`--jobs`, by default the core count), and scores the fixture.
///
/// Where the time goes, per mutant: the sandbox's setup (fixture trees copied, handed to the
/// sandbox user, bwrap and the fixture server started), the runbook's own run, and the
/// evaluation. The CA is made once per process (`CertificateAuthority`), a mutant runs once (no
/// second, idempotence run), and a mutant that runs far longer than the unchanged runbook is
/// stopped early and counted as killed (a loop waiting for something the change broke).
struct MutationRun {
    let check: RunbookCheck
    /// At most this many mutants, sampled with `seed` (all when nil).
    let sample: Int?
    let seed: UInt64
    /// How long the unchanged runbook's check took (both runs when the fixture checks
    /// idempotence): the mutants' time limit is derived from it.
    let baseline: TimeInterval
    /// `--shard K/N`: only this share of the mutants runs.
    var share: CheckShard? = nil
    /// How many mutants run at once (`--jobs`; the CLI passes the core count).
    var workers = 1

    func run() -> MutationScore {
        let started = Date()
        let all = MutationOperators(runbook: check.runbook, page: check.page).mutants()
        let uncovered = NotCheckableText.find(runbook: check.runbook, page: check.page, text: pageText())
        let whole = Self.sample(all, count: sample, seed: seed)
        // The positions in the whole set, which the merge of the shards' reports checks.
        let positions = whole.indices.filter { share?.includes(position: $0, of: check.runbook.id) ?? true }
        let chosen = positions.map { whole[$0] }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "docket-mutants-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcomes = Outcomes(count: chosen.count)
        let workers = max(1, min(self.workers, chosen.count))
        let limits = MutationTimeLimit(baseline: singleRun, fixtureLimit: check.fixture.timeoutSeconds)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = outcomes.take() {
                let mutant = chosen[index]
                let script = folder.appendingPathComponent("mutant-\(index).sh")
                let begun = Date()
                var limit = limits.current
                do {
                    guard let changed = mutant.runbook else { throw SandboxError.setup("mutant without its runbook") }
                    try ScriptGenerator.script(for: changed).write(to: script, atomically: true, encoding: .utf8)
                    var outcome = MutantResult.Outcome.error
                    // A failure before the changed step is the machine's, not the mutant's: one
                    // more try, with twice the time, then it counts as could not run.
                    for attempt in 0..<2 {
                        let tried = Date()
                        let result = try run(mutant, script: script, limit: limit)
                        if result.passed {
                            outcome = .survived
                            limits.survived(after: Date().timeIntervalSince(tried))
                            break
                        }
                        if !Self.failedBeforeChange(result, step: mutant.step, in: check.runbook) {
                            outcome = result.failures.contains { $0.code == "step.timeout" } ? .timedOut : .killed
                            break
                        }
                        if attempt == 0 { limit = min(check.fixture.timeoutSeconds, limit * 2) }
                    }
                    outcomes.set(
                        index,
                        MutantResult(
                            mutant: mutant, outcome: outcome, duration: Date().timeIntervalSince(begun),
                            index: positions[index]))
                } catch {
                    outcomes.set(
                        index,
                        MutantResult(
                            mutant: mutant, outcome: .error, duration: Date().timeIntervalSince(begun),
                            index: positions[index]))
                }
                try? FileManager.default.removeItem(at: script)
            }
        }
        let results = outcomes.values
        let killed = results.filter(\.isKilled).count, errors = results.filter { $0.outcome == .error }.count
        var score = MutationScore(
            runbook: check.runbook.id, total: results.count - errors, killed: killed,
            notCheckable: uncovered.reduce(0) { $0 + $1.mutants }, errors: errors,
            survivors: results.filter { $0.outcome == .survived }.map(\.mutant),
            duration: Date().timeIntervalSince(started), results: results, uncovered: uncovered)
        score.mutantCount = whole.count
        score.mutantSet = Self.fingerprint(whole)
        score.share = share
        return score
    }

    /// 16 hex digits naming a set of mutants (each one's kind, place and change, in order): two
    /// shards that made the same set from the same page, `--mutants` and `--mutation-seed` have
    /// the same fingerprint.
    static func fingerprint(_ mutants: [Mutant]) -> String {
        let text = mutants.map { "\($0.kind)\t\($0.location)\t\($0.original)\t\($0.replacement)\n" }.joined()
        let hash = CheckShard.hash(text)
        return String(repeating: "0", count: 16 - String(hash, radix: 16).count) + String(hash, radix: 16)
    }

    /// Checks one mutant's script against the fixture, within `limit` seconds, once (a mutant
    /// is judged by its first run: no idempotence run).
    func run(_ mutant: Mutant, script: URL, limit: Int) throws(SandboxError) -> RunbookCheckResult {
        var fixture = check.fixture
        fixture.idempotent = false
        fixture.timeoutSeconds = limit
        fixture.stepTimeoutSeconds = min(fixture.stepTimeoutSeconds, limit)
        guard let changed = mutant.runbook else { throw .setup("mutant without its runbook") }
        return try RunbookCheck(
            runbook: changed, script: script, fixture: fixture, page: check.page,
            server: check.server, keep: false, unsandboxed: check.unsandboxed, tools: check.tools, user: check.user
        ).run()
    }

    /// Whether a failed check of a mutant failed before the step the mutant changes ran: the
    /// steps before it are the unchanged runbook's, which passed, so such a failure (a sandbox
    /// that could not start its fixture server, a time limit reached in an unchanged step on a
    /// busy machine) says nothing about the fixture.
    static func failedBeforeChange(_ result: RunbookCheckResult, step: String, in runbook: Runbook) -> Bool {
        guard let changed = runbook.steps.firstIndex(where: { $0.name == step }) else { return false }
        if let first = result.steps.firstIndex(where: { !$0.passed }) { return first < changed }
        // Every step as expected, yet the run failed: the run itself, if no step from the
        // changed one on ran at all.
        let reached = result.steps.indices.contains { $0 >= changed && result.steps[$0].actual != .skipped }
        let runProblem = result.failures.contains {
            ["run.no-outcome", "run.sandbox", "run.exit-status"].contains($0.code ?? "")
        }
        return runProblem && !reached
    }

    /// One run of the unchanged runbook: the check ran it twice when it checked idempotence.
    var singleRun: TimeInterval {
        check.fixture.idempotent && !check.unsandboxed ? baseline / 2 : baseline
    }

    /// The page's text, for the places no run covers: the page path is relative to the site's
    /// folder, which holds `runbooks/fixtures/<id>/`, else to the current folder.
    func pageText() -> String? {
        let fixture = URL(fileURLWithPath: check.fixture.folder)
        let site = fixture.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [
            site.appendingPathComponent(check.runbook.source), site.appendingPathComponent(check.page),
            URL(fileURLWithPath: check.page),
        ] {
            if let text = try? String(contentsOf: candidate, encoding: .utf8) { return text }
        }
        return nil
    }

    /// `count` mutants picked deterministically from `seed` (a SplitMix64 shuffle), in page order.
    static func sample(_ mutants: [Mutant], count: Int?, seed: UInt64) -> [Mutant] {
        guard let count, count < mutants.count else { return mutants }
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var indices = Array(mutants.indices)
        for i in stride(from: indices.count - 1, to: 0, by: -1) {
            indices.swapAt(i, Int(next() % UInt64(i + 1)))
        }
        return indices.prefix(count).sorted().map { mutants[$0] }
    }
}

/// The outcome of each mutant, written from several threads, and the next mutant to run.
private final class Outcomes: Sendable {
    private let state: Mutex<(next: Int, stored: [MutantResult?])>

    init(count: Int) { state = Mutex((0, Array(repeating: nil, count: count))) }

    /// Hands out the next mutant's index to a worker.
    func take() -> Int? {
        state.withLock { state in
            guard state.next < state.stored.count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    func set(_ index: Int, _ result: MutantResult) {
        state.withLock { $0.stored[index] = result }
    }

    var values: [MutantResult] {
        state.withLock { $0.stored.compactMap { $0 } }
    }
}
