import DocketBuild
import DocketSandbox
import Foundation

/// What `docket check` was asked to do.
public struct CheckOptions: Sendable {
    public var build = BuildOptions()
    /// Only this runbook's fixture (all when nil).
    public var runbook: String?
    public var keep = false
    /// Run runbooks without bubblewrap (no isolation): an explicit, loudly reported choice.
    public var unsandboxed = false
    /// Any warning fails the check, and a runbook without a fixture is an error.
    public var strict = false
    /// The docket executable that serves fixtures inside the sandbox (the CLI passes its own,
    /// found through `/proc/self/exe`: this target reads neither `/proc` nor `PATH`).
    public var server: URL
    /// The shellcheck executable, when one is installed (the CLI looks it up on PATH).
    public var shellcheck: URL?
    /// The programs the sandbox starts (the CLI looks them up on PATH; a run lacking one fails
    /// with `SandboxError.toolMissing`).
    public var sandboxTools = SandboxTools()
    /// The host user sandboxes run as when docket is root (the CLI reads `DOCKET_SANDBOX_USER`);
    /// nil: nobody.
    public var sandboxUser: SandboxUser?
    /// `--jobs N`: how many runbooks (and, with `mutate`, mutants) run at once in the sandbox.
    /// The report does not depend on it: results are filed in runbook order.
    public var jobs = 1

    /// `--mutate`: run mutants of each passing runbook and score its fixture.
    public var mutate = false
    /// `--mutants N`: at most N mutants per runbook, sampled with `mutationSeed`.
    public var mutants: Int?
    public var mutationSeed: UInt64 = 1
    /// `--min-score`: a mutation score below it is an error.
    public var minScore: Double?

    /// `--shard K/N`: only the runbooks of this shard are reported (`RunbookSelection`); with
    /// `mutate`, every shard runs each runbook's unchanged check for its baseline and runs its
    /// share of the mutants, and `--merge-reports` adds the shares up.
    public var shard: CheckShard?
    /// `--changed-since REF`: only the runbooks whose page, fixture or script is among these.
    public var changedSince: ChangedFiles?

    /// Options that check everything, one runbook at a time, serving fixtures with `server`.
    public init(server: URL) {
        self.server = server
    }
}
