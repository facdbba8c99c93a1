import Foundation

/// Runs a script in a bubblewrap sandbox: new user, PID, network (loopback only), IPC and UTS
/// namespaces; the system read-only; a throw-away home and working tree; `/tmp`, `/run`, `/root`,
/// `/home` and `/srv` private; the environment reset; stubs first on `PATH`; the fixture server on
/// loopback with the fixture's host names mapped to it and a per-run CA trusted.
public enum Sandbox {
    /// Paths inside the sandbox.
    public static let home = "/home/operator"
    public static let work = "/srv/work"
    static let control = "/tmp/docket"

    /// bwrap on PATH, if any.
    public static var bubblewrap: URL? { Executables.find("bwrap") }

    public static func run(_ spec: SandboxSpec) throws(SandboxError) -> SandboxResult {
        let started = Date()
        let layout = try SandboxLayout.prepare(spec)
        let process = Process()
        if spec.unsandboxed {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [layout.control.appendingPathComponent("init.sh").path, spec.server.path, layout.startDirectory, "--"] + spec.arguments
            process.environment = layout.environment(unsandboxed: true)
            process.currentDirectoryURL = layout.home
        } else {
            guard let bwrap = bubblewrap else { throw .bubblewrapMissing }
            process.executableURL = bwrap
            process.arguments = layout.bubblewrapArguments(spec) + ["/bin/bash", control + "/init.sh", control + "/docket-server", layout.startDirectory, "--"] + spec.arguments
            process.environment = [:]
        }
        let errors = Pipe(), status = Pipe()
        process.standardOutput = status
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .bubblewrapFailed("\(error)") }
        // The status channel is drained while the run goes on, so a full pipe never blocks it.
        let channel = PipeDrain(status.fileHandleForReading)

        // Wait with a deadline; past it the sandbox is killed whole (its PID namespace dies with
        // bwrap, and every process in it with the namespace).
        let deadline = Date().addingTimeInterval(spec.timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return try layout.collect(timedOut: timedOut, bwrapStatus: process.terminationStatus, bwrapErrors: stderr,
                                  statusChannel: String(decoding: channel.finish(), as: UTF8.self), started: started)
    }
}
