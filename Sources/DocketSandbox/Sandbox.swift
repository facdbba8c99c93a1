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
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .bubblewrapFailed("\(error)") }

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
        return try layout.collect(timedOut: timedOut, bwrapStatus: process.terminationStatus, bwrapErrors: stderr, started: started)
    }
}

/// Finds executables on the host's PATH.
enum Executables {
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs a command to completion; throws with its output when it fails.
    static func run(_ arguments: [String], in directory: URL) throws(SandboxError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { throw .toolMissing(arguments[0]) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw .toolMissing(arguments[0]) }
        if process.terminationStatus != 0 {
            throw .setup("\(arguments.joined(separator: " ")) failed: \(String(decoding: data, as: UTF8.self))")
        }
    }
}
