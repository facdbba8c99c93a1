import DocketDiagnostics
import DocketRunbooks
import DocketSandbox
import Foundation

/// `docket check --mutate`: runs a runbook's mutants (`MutationOperators`) against its fixture
/// in the sandbox, several at once up to the core count, and scores the fixture.
struct MutationRun {
    let check: RunbookCheck
    /// At most this many mutants, sampled with `seed` (all when nil).
    let sample: Int?
    let seed: UInt64
    /// How long the unchanged runbook took: a mutant gets a few times that (a changed command
    /// that waits forever must not hold a worker for the fixture's whole time limit).
    let baseline: TimeInterval

    func run() -> MutationScore {
        let started = Date()
        let (all, notCheckable) = MutationOperators(runbook: check.runbook, page: check.page).mutants()
        let chosen = Self.sample(all, count: sample, seed: seed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docket-mutants-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcomes = Outcomes(count: chosen.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, chosen.count))
        let next = Outcomes.Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: chosen.count) {
                let mutant = chosen[index]
                let script = folder.appendingPathComponent("mutant-\(index).sh")
                do {
                    try ScriptGenerator.script(for: mutant.runbook).write(to: script, atomically: true, encoding: .utf8)
                    var fixture = check.fixture
                    fixture.idempotent = false  // a mutant is judged by its first run
                    let limit = min(fixture.timeoutSeconds, max(10, Int(baseline * 4) + 5))
                    fixture.timeoutSeconds = limit
                    fixture.stepTimeoutSeconds = min(fixture.stepTimeoutSeconds, limit)
                    let mutated = RunbookCheck(runbook: mutant.runbook, script: script, fixture: fixture, page: check.page,
                                               server: check.server, keep: false, unsandboxed: check.unsandboxed)
                    outcomes.set(index, try mutated.run().passed ? .survived : .killed)
                } catch {
                    outcomes.set(index, .error)
                }
            }
        }
        let results = outcomes.values
        return MutationScore(runbook: check.runbook.id, total: results.filter { $0 != .error }.count, killed: results.filter { $0 == .killed }.count,
                             notCheckable: notCheckable, errors: results.filter { $0 == .error }.count,
                             survivors: chosen.indices.filter { results[$0] == .survived }.map { chosen[$0] },
                             duration: Date().timeIntervalSince(started))
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

/// The outcome of each mutant, written from several threads.
private final class Outcomes: @unchecked Sendable {
    enum Outcome: Equatable { case pending, killed, survived, error }
    private let lock = NSLock()
    private var stored: [Outcome]

    init(count: Int) { stored = Array(repeating: .pending, count: count) }

    func set(_ index: Int, _ outcome: Outcome) {
        lock.lock(); defer { lock.unlock() }
        stored[index] = outcome
    }

    var values: [Outcome] {
        lock.lock(); defer { lock.unlock() }
        return stored
    }

    /// Hands out the next mutant's index to a worker.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take(below limit: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}
