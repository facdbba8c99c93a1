import Foundation

/// What happened in a sandboxed run.
public struct SandboxResult: Sendable {
    /// The script's exit status (nil when it was killed at the time limit).
    public var exitStatus: Int32?
    public var timedOut: Bool
    /// Standard output and error of the script, interleaved.
    public var output: String
    /// Each step that ran, in order, with its exit status.
    public var steps: [(name: String, status: Int)]
    public var calls: [RecordedCall]
    public var requests: [RecordedRequest]
    /// The sandbox folder on the host (kept with `--keep`).
    public var folder: URL
    /// The home folder as the run left it, on the host.
    public var home: URL
    public var work: URL
    public var duration: TimeInterval
}
