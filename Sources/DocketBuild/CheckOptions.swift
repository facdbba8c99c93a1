/// What `docket check` was asked to do.
public struct CheckOptions: Sendable {
    public var build = BuildOptions()
    /// Only this runbook's fixture (all when nil).
    public var runbook: String?
    public var keep = false
    /// Run runbooks without bubblewrap (no isolation): an explicit, loudly reported choice.
    public var unsandboxed = false
    /// A runbook without a fixture is an error, not a warning.
    public var strict = false

    public init() {}
}
