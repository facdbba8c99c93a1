import Foundation

/// What happened in a sandboxed run. The sandbox folder stays on the host until `discard()`
/// (the caller inspects `home` and `work` first); with `--keep` it is left for a person.
public struct SandboxResult: Sendable {
    /// The runbook's exit status as the sandbox's init script recorded it in the control folder
    /// (nil when it was killed at the time limit). The run can overwrite that file: compare with
    /// `observedExitStatus`.
    public var exitStatus: Int32?
    /// The exit status of the sandbox's init process as bwrap reported it to docket outside the
    /// sandbox: the runbook's exit status (init exits with it), or 128+N when init was killed by
    /// signal N. Nothing inside can forge it; nil when the run was killed at its time limit.
    public var observedExitStatus: Int32?
    public var timedOut: Bool
    /// Standard output and error of the script, interleaved (head and tail past the limit).
    public var output: String
    /// Each step that ran, in order, with its exit status, as the runtime wrote it to the status
    /// pipe. A step could write lines there too (through /proc): a list claiming success while
    /// `observedExitStatus` is not 0 is forged.
    public var steps: [(name: String, status: Int)]
    /// Every line of the status pipe, for readers of the runtime's typed events (docket check's
    /// StatusEvent); `steps` keeps the older `NAME STATUS` reading.
    public var statusLines: [String] = []
    public var calls: [RecordedCall]
    public var requests: [RecordedRequest]
    /// Sentences about limits the run reached and control files refused ("output.log is a
    /// symbolic link: not read"), for the report.
    public var notes: [String]
    /// The sandbox folder on the host (kept with `--keep`).
    public var folder: URL
    /// The home folder as the run left it, on the host.
    public var home: URL
    public var work: URL
    /// The sandbox's copy of the fixture's `root/` tree as the run left it (`etc/caddy/Caddyfile`
    /// is what the run saw at `/etc/caddy/Caddyfile`); nil without one.
    public var system: URL? = nil
    public var duration: TimeInterval
    let cleanup: SandboxCleanup

    /// Removes the sandbox folder (unmounting its tmpfs). Call it once the folders have been
    /// inspected, unless the folder is kept on purpose.
    public func discard() {
        cleanup.discard()
    }

    /// True when the steps' statuses and the observed exit status disagree: every step reported 0
    /// while the runbook's process exited non-zero (a step wrote to the status pipe).
    public var stepsContradictExit: Bool {
        guard let observed = observedExitStatus, !timedOut else { return false }
        return observed != 0 && !steps.isEmpty && steps.allSatisfy { $0.status == 0 }
    }
}
