import DocketDiagnostics
import DocketSandbox

/// A runbook's fixture (`runbooks/fixtures/<id>/fixture.yml` and the folders beside it).
public struct Fixture: Sendable {
    /// The fixture folder, and how diagnostics name `fixture.yml`.
    public var folder: String
    public var displayPath: String
    public var params: [(name: String, value: String)]
    /// Where `params:` is written (where a missing value goes), if it is.
    public var paramsLocation: SourceLocation?
    public var directory: String
    public var timeoutSeconds: Int
    public var stepTimeoutSeconds: Int
    public var routes: [FixtureRoute]
    /// More host names to map to the fixture server (`hosts:`).
    public var hosts: [String] = []
    public var stubs: [Stub]
    /// A request no route answers is only listed (`unrouted: allow`), not an error.
    public var unroutedAllowed = false
    public var expectations: Expectations
    public var location: SourceLocation
    /// What the run may use (`limits:`); the sandbox's defaults unless the fixture says.
    public var limits = SandboxLimits.defaults
    /// `docket check` runs the runbook a second time on what the first run left and expects no
    /// change (`idempotent: false`, with `idempotent_reason:`, turns that off).
    public var idempotent = true
    public var idempotentReason: String?
    /// Paths expected to change when the runbook runs again (`changes:`): sandbox paths, a
    /// folder ending in `/`, or a glob.
    public var changes: [String] = []

    /// Seconds allowed for `timeout:` and `step_timeout:`: at least one, at most a day.
    public static let timeoutRange = 1...86_400
}
