/// What the preview server accepts: which `Host` names, how many connections at once, and how
/// long a connection may take to send a request or sit idle.
public struct PreviewLimits: Sendable {
    /// Host names allowed besides loopback ones (`--allow-host`), lower-cased.
    public var allowedHosts: Set<String> = []
    /// Connections beyond this many are closed at once.
    public var maxConnections = 64
    /// Seconds a connection has to send a whole request head once it starts one (or connects).
    public var headTimeout = 10.0
    /// Seconds a kept-alive connection may wait for its next request.
    public var idleTimeout = 60.0

    public init() {}
}
