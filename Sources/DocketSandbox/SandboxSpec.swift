import Foundation

/// Everything a sandboxed run needs: the script, its arguments, the starting trees, stubs,
/// HTTP routes and limits.
public struct SandboxSpec: Sendable {
    /// The script to run (the generated runbook).
    public var script: URL
    public var arguments: [String]
    /// Copied to the sandbox home (`HOME`), if given.
    public var home: URL?
    /// Copied to the working tree (`/srv/work`), if given.
    public var work: URL?
    /// A fixture's `root/` tree, copied into the sandbox and laid writable over the read-only
    /// system (`root/etc/caddy` at `/etc/caddy`, see `SystemOverlay`), if given. Refused
    /// without the sandbox: it would be the host's own `/etc`.
    public var system: URL?
    /// Where the script starts: `~`, `~/sub`, or an absolute path inside the sandbox.
    public var directory: String
    public var stubs: [Stub]
    /// Routes whose `bodyFile` is a host path; it is copied in.
    public var routes: [FixtureRoute]
    /// The whole run's limit, after which everything in the sandbox is killed.
    public var timeout: TimeInterval
    /// The default limit of each step (the runbook's own `timeout=` wins).
    public var stepTimeout: Int?
    /// Extra environment variables (the environment is otherwise reset). Names must be shell
    /// identifiers. Values never appear on a command line: they are written to a 0600 file of
    /// the control folder that the sandbox's init script reads.
    public var environment: [String: String]
    /// The docket executable, which serves the fixture routes inside the sandbox.
    public var server: URL
    /// Run without bubblewrap: no isolation at all (an explicit, loudly reported choice).
    public var unsandboxed: Bool
    /// Host names mapped to the fixture server besides those of the routes (they answer 404).
    public var extraHosts: [String] = []
    /// Files written (mode 0600, owned by the sandbox user) into the control folder before the
    /// run, visible inside at `/tmp/docket/NAME` (`Sandbox.controlPath(NAME)`): the way to hand
    /// secrets in, since nothing here reaches a command line. NAME is one plain file name, not
    /// one of the control folder's own files (`SandboxLayout.reservedNames`).
    public var controlFiles: [String: Data] = [:]
    /// What the run may use; checked against `SandboxLimits`' ranges before anything starts.
    public var limits = SandboxLimits.defaults
    /// The host user the sandbox runs as when docket runs as root; nil: nobody (65534:65534).
    /// Ignored when docket is not root (it runs as docket's user). The command line takes it
    /// from `DOCKET_SANDBOX_USER` (`SandboxUser.variable`).
    public var user: SandboxUser?
    /// The host programs the run starts (bwrap, prlimit, setpriv, openssl), found by the caller.
    public var tools: SandboxTools

    public init(
        script: URL, arguments: [String], home: URL?, work: URL?, directory: String, stubs: [Stub],
        routes: [FixtureRoute],
        timeout: TimeInterval, stepTimeout: Int?, environment: [String: String], server: URL, tools: SandboxTools,
        unsandboxed: Bool = false
    ) {
        self.script = script
        self.arguments = arguments
        self.home = home
        self.work = work
        self.directory = directory
        self.stubs = stubs
        self.routes = routes
        self.timeout = timeout
        self.stepTimeout = stepTimeout
        self.environment = environment
        self.server = server
        self.tools = tools
        self.unsandboxed = unsandboxed
    }

    /// The host names the routes serve (they resolve to the fixture server in the sandbox).
    public var hosts: [String] { Array(Set(routes.map(\.host) + extraHosts.map { $0.lowercased() })).sorted() }
}
