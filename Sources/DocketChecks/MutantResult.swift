import Foundation

/// What became of one mutant when it ran against the fixture.
public struct MutantResult: Sendable {
    public enum Outcome: String, Sendable {
        /// The check failed: the fixture noticed the change.
        case killed
        /// The check failed because the mutant ran past its time limit (a loop that never
        /// ends, a wait that never succeeds): counted as killed, as the full run would fail too.
        case timedOut = "timed out"
        /// The check passed: nothing in the fixture notices the change.
        case survived
        /// The sandbox could not run it (a setup error): neither killed nor survived.
        case error = "could not run"
    }

    public var mutant: Mutant
    public var outcome: Outcome
    /// How long its check took.
    public var duration: TimeInterval
    /// Its place in the runbook's whole set of mutants (all shards together), from 0: the
    /// merge of the shards' reports checks that each one ran exactly once.
    public var index: Int

    public init(mutant: Mutant, outcome: Outcome, duration: TimeInterval, index: Int = 0) {
        self.mutant = mutant
        self.outcome = outcome
        self.duration = duration
        self.index = index
    }

    /// Killed, by a failed expectation or by the time limit.
    public var isKilled: Bool { outcome == .killed || outcome == .timedOut }
}
