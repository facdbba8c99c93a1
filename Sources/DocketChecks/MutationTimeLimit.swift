import Foundation
import Synchronization

/// The time limit of one mutant's run, in whole seconds: a few times what a whole run takes,
/// never more than the fixture's own limit. A mutant that breaks what a wait loop waits for
/// (`until healthy; sleep 5`) would otherwise hold a worker for the fixture's whole limit,
/// minutes, to be killed in the end anyway.
///
/// A whole run is what the unchanged runbook took, or, when the machine is busier than it was
/// then, the slowest surviving mutant so far (a survivor runs every step, as the unchanged
/// runbook does): the limit grows with the load, so that a slow machine does not turn
/// survivors into timeouts.
final class MutationTimeLimit: Sendable {
    /// No limit below this, however fast the unchanged run was.
    static let floor = 4
    /// Times a whole run.
    static let factor = 3.0

    private let fixtureLimit: Int
    /// The slowest whole run so far.
    private let slowest: Mutex<TimeInterval>

    init(baseline: TimeInterval, fixtureLimit: Int) {
        self.fixtureLimit = fixtureLimit
        slowest = Mutex(baseline)
    }

    /// The limit for a mutant starting now.
    var current: Int {
        Self.limit(wholeRun: slowest.withLock { $0 }, fixtureLimit: fixtureLimit)
    }

    /// A survivor took this long: a whole run on the machine as it is now.
    func survived(after seconds: TimeInterval) {
        slowest.withLock { $0 = max($0, seconds) }
    }

    static func limit(wholeRun: TimeInterval, fixtureLimit: Int) -> Int {
        min(fixtureLimit, max(floor, Int((wholeRun * factor).rounded(.up)) + 1))
    }
}
