import Foundation

/// Runs a script in a bubblewrap sandbox: new user, PID, network (loopback only), IPC and UTS
/// namespaces; the system read-only; a throw-away home and working tree; `/tmp`, `/run`, `/root`,
/// `/home` and `/srv` private; the environment reset; stubs first on `PATH`; the fixture server on
/// loopback with the fixture's host names mapped to it and a per-run CA trusted.
///
/// The page, its fixture and everything they run are treated as hostile. When docket runs as
/// root, bwrap is started as an unprivileged sandbox user (`SandboxUser`, nobody by default)
/// through `setpriv`, inside a size-limited `nosuid,nodev` tmpfs and control groups made for the
/// run; `SandboxLimits` bound processes, disk, memory and captured output.
public enum Sandbox {
    /// Paths inside the sandbox.
    public static let home = "/home/operator"
    public static let work = "/srv/work"
    static let control = "/tmp/docket"

    /// Where a control file of the spec (`SandboxSpec.controlFiles`) is inside the sandbox.
    public static func controlPath(_ name: String) -> String { control + "/" + name }

    /// Runs the spec. The sandbox folder is left for the caller to inspect: call
    /// `SandboxResult.discard()` when done (or keep it). On a thrown error nothing is left.
    public static func run(_ spec: SandboxSpec) throws(SandboxError) -> SandboxResult {
        var attempt = 1
        while true {
            do {
                return try runOnce(spec)
            } catch .bubblewrapFailed(let message) where attempt < 3 && isMountRace(message) {
                // Another sandbox's mount came or went while this bwrap copied the host's mount
                // table (its `--ro-bind / /`): a race of parallel runs, not a problem of this one.
                // bwrap failed before anything of the runbook ran, so it is safe to start again.
                attempt += 1
                usleep(useconds_t(20_000 * attempt))
            }
        }
    }

    /// bwrap's complaint when a mount it was copying went away under it.
    static func isMountRace(_ message: String) -> Bool {
        message.contains("Unable to apply mount flags")
            || (message.contains("Can't bind mount") && message.contains("No such file or directory"))
    }

    private static func runOnce(_ spec: SandboxSpec) throws(SandboxError) -> SandboxResult {
        let started = Date()
        let layout = try SandboxLayout.prepare(spec)
        let process = Process()
        var cgroup: SandboxCgroup?
        let statusFile = layout.root.appendingPathComponent("status.json")
        do {
            if spec.unsandboxed {
                process.executableURL = URL(fileURLWithPath: "/bin/bash")
                process.arguments = [
                    layout.control.appendingPathComponent("init.sh").path, spec.server.path, layout.startDirectory,
                ]
                process.environment = layout.environment(unsandboxed: true)
                process.currentDirectoryURL = layout.home
            } else {
                guard let bwrap = spec.tools.bubblewrap else { throw SandboxError.bubblewrapMissing }
                cgroup = SandboxCgroup.make(name: layout.root.lastPathComponent, limits: spec.limits)
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments =
                    [
                        "-c", SandboxScripts.launcher(cgroups: cgroup?.enterCommands ?? ""), "docket-sandbox",
                        statusFile.path,
                    ]
                    + (try launchPrefix(layout, cgroup: cgroup)) + [bwrap.path] + layout.bubblewrapArguments(spec)
                    + ["/bin/bash", control + "/init.sh", control + "/docket-server", layout.startDirectory]
                process.environment = [:]
            }
        } catch let error as SandboxError {
            layout.cleanup.discard()
            throw error
        } catch {
            layout.cleanup.discard()
            throw .setup("\(error)")
        }
        let errors = Pipe(), status = Pipe()
        process.standardOutput = status
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        // Signalled when the process ends, so the wait below returns at once rather than at the
        // next tick of a polling loop (a mutation run starts a sandbox per mutant).
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch {
            cgroup?.destroy()
            layout.cleanup.discard()
            throw .bubblewrapFailed("\(error)")
        }
        // Both pipes are drained while the run goes on (a full pipe never blocks it), each within
        // the output limit.
        let channel = PipeDrain(status.fileHandleForReading, limit: spec.limits.outputBytes)
        let errorText = PipeDrain(errors.fileHandleForReading, limit: spec.limits.outputBytes)

        // Wait with a deadline; past it the sandbox is killed whole (bwrap's init dies with bwrap
        // through --die-with-parent, and every process of the PID namespace with its init).
        var timedOut = false
        if exited.wait(timeout: .now() + max(0, spec.timeout)) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let observed: Int32? =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        let reached = cgroup?.reached(spec.limits, exitStatus: observed) ?? []
        // Whatever is left in the run's groups goes now, before the pipes are read to their end.
        cgroup?.destroy()
        let statusJSON = ControlFile.read(statusFile, limit: 64 << 10).text
        do {
            return try layout.collect(
                timedOut: timedOut, observedStatus: observed,
                started: spec.unsandboxed || statusJSON.contains("\"child-pid\""),
                bwrapErrors: String(decoding: errorText.finish(), as: UTF8.self), statusChannel: channel.finish(),
                reached: reached, started: started)
        } catch {
            layout.cleanup.discard()
            throw error
        }
    }

    /// prlimit (the rlimits no control group covers, file size and core dumps always) and, as
    /// root, setpriv down to the sandbox user: both exec the next program, so bwrap keeps the
    /// pid docket started and the limits and the user it was given.
    static func launchPrefix(_ layout: SandboxLayout, cgroup: SandboxCgroup?) throws(SandboxError) -> [String] {
        let limits = layout.spec.limits
        guard let prlimit = layout.spec.tools.prlimit else { throw .toolMissing(SandboxTools.prlimitName) }
        var prefix = [prlimit.path, "--fsize=\(limits.diskBytes)", "--core=0"]
        if cgroup?.pids == nil {
            // RLIMIT_NPROC counts every process of the user on the host: the user's processes now
            // plus the run's allowance.
            // Never above the hard limit an ordinary user has (prlimit could not raise it).
            var current = rlimit()
            getrlimit(__rlimit_resource_t(__RLIMIT_NPROC.rawValue), &current)
            let wanted = UInt64(processCount(of: layout.user?.uid ?? geteuid()) + limits.processes)
            prefix.append("--nproc=\(geteuid() == 0 ? wanted : min(wanted, UInt64(current.rlim_max)))")
        }
        if cgroup?.memory == nil { prefix.append("--as=\(limits.memoryBytes)") }
        prefix.append("--")
        if let user = layout.user {
            guard let setpriv = layout.spec.tools.setpriv else { throw .toolMissing(SandboxTools.setprivName) }
            prefix += [
                setpriv.path, "--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", "--no-new-privs", "--",
            ]
        }
        return prefix
    }

    /// Processes (threads included, as RLIMIT_NPROC counts them) of a host user.
    static func processCount(of uid: uid_t) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var count = 0
        for entry in entries where Int(entry) != nil {
            var info = stat()
            guard stat("/proc/\(entry)", &info) == 0, info.st_uid == uid else { continue }
            let threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(entry)/task").count) ?? 1
            count += threads
        }
        return count
    }
}
