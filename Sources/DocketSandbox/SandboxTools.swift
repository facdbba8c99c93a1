import Foundation

/// The host programs a sandboxed run starts, found by the caller: the command line looks them
/// up on its `PATH` (`Executables.find`) and passes them in, so DocketSandbox reads neither
/// `PATH` nor the environment. A missing one is nil; `missing` names what a run would lack.
public struct SandboxTools: Sendable, Equatable {
    /// bubblewrap, which makes the sandbox (package bubblewrap).
    public var bubblewrap: URL?
    /// prlimit (util-linux): the per-process limits no control group covers.
    public var prlimit: URL?
    /// setpriv (util-linux): drops root to the sandbox user before bwrap starts. Used as root only.
    public var setpriv: URL?
    /// openssl: makes each fixture's certificate authority and server certificate.
    public var openssl: URL?

    public init(bubblewrap: URL? = nil, prlimit: URL? = nil, setpriv: URL? = nil, openssl: URL? = nil) {
        self.bubblewrap = bubblewrap
        self.prlimit = prlimit
        self.setpriv = setpriv
        self.openssl = openssl
    }

    /// Each tool as `find` resolves its program name (`bwrap`, `prlimit`, `setpriv`, `openssl`).
    public init(find: (String) -> URL?) {
        self.init(
            bubblewrap: find("bwrap"), prlimit: find("prlimit"), setpriv: find("setpriv"), openssl: find("openssl"))
    }

    /// What a run lacks, as the error it would stop with, in the order a run needs them:
    /// without the sandbox only openssl is used, as root setpriv as well.
    public func missing(sandboxed: Bool, asRoot: Bool) -> [SandboxError] {
        var missing: [SandboxError] = []
        if sandboxed && bubblewrap == nil { missing.append(.bubblewrapMissing) }
        if sandboxed && prlimit == nil { missing.append(.toolMissing(Self.prlimitName)) }
        if sandboxed && asRoot && setpriv == nil { missing.append(.toolMissing(Self.setprivName)) }
        if openssl == nil { missing.append(.toolMissing(Self.opensslName)) }
        return missing
    }

    static let prlimitName = "prlimit (util-linux)"
    static let setprivName = "setpriv (util-linux; it leaves root before bwrap starts)"
    static let opensslName = "openssl (it makes the fixture server's certificates)"
}
