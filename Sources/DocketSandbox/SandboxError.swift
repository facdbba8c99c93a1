/// Why a sandbox could not be set up or run.
public enum SandboxError: Error, CustomStringConvertible, Sendable {
    case bubblewrapMissing
    case bubblewrapFailed(String)
    case toolMissing(String)
    case setup(String)
    /// The sandbox started but died before the runbook finished (killed from inside, or by a
    /// limit): what happened, with the end of the output.
    case sandboxDied(String)

    public var description: String {
        switch self {
        case .bubblewrapMissing:
            return
                "bwrap (bubblewrap) is not installed: install the Debian/Ubuntu package 'bubblewrap', or run with --no-sandbox to run runbooks UNISOLATED"
        case .bubblewrapFailed(let output):
            return "bubblewrap could not create the sandbox (are user namespaces allowed here?): \(output)"
        case .toolMissing(let tool):
            return "cannot prepare the sandbox: \(tool) is not installed (not found on PATH)"
        case .setup(let message):
            return "cannot prepare the sandbox: \(message)"
        case .sandboxDied(let message):
            return message
        }
    }
}
