import DocketSandbox
import DocketTestSupport
import Foundation
import Testing

/// The sandbox against a hostile runbook: privileges, limits, leftovers, secrets, forged results.
@Suite(.serialized) struct SandboxHardeningTests {
    static let available = HostTools.available
    static let server = BuiltProducts.docket
    static let isRoot = geteuid() == 0

    private func spec(_ script: String, timeout: TimeInterval = 30, in folder: URL) throws -> SandboxSpec {
        let file = folder.appendingPathComponent("script.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        return SandboxSpec(
            script: file, arguments: [], home: nil, work: nil, directory: "~", stubs: [], routes: [],
            timeout: timeout, stepTimeout: nil, environment: [:], server: Self.server, tools: HostTools.sandbox)
    }

    /// Runs the script; `inspect` sees the result before the folder is discarded.
    @discardableResult
    private func run(
        _ script: String, timeout: TimeInterval = 30, configure: (inout SandboxSpec) -> Void = { _ in },
        inspect: (SandboxResult) throws -> Void = { _ in }
    ) throws -> SandboxResult {
        let folder = Fixtures.temporaryDirectory("docket-hardening-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        var spec = try spec(script, timeout: timeout, in: folder)
        configure(&spec)
        let result = try Sandbox.run(spec)
        defer { result.discard() }
        try inspect(result)
        return result
    }

    /// The error a run throws, as its description ("" when it finished).
    static func failure(of spec: SandboxSpec) -> String {
        do throws(SandboxError) {
            let result = try Sandbox.run(spec)
            result.discard()
            return ""
        } catch {
            return error.description
        }
    }

    /// Sandbox folders of this host whose runbook contains `marker` (none must survive a run).
    private func leftoverFolders(_ marker: String) -> [String] {
        let tmp = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []
        return names.filter { $0.hasPrefix("docket-sandbox-") }.filter { name in
            let script = tmp.appendingPathComponent(name).appendingPathComponent("control/runbook.sh")
            return ((try? String(contentsOf: script, encoding: .utf8)) ?? "").contains(marker)
        }
    }

    private func processes(matching marker: String) -> [String] {
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { Int($0) != nil }
        return pids.filter { pid in
            let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
            return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(marker)
        }
    }

    /// Processes whose environment contains `marker` (every process of a run has its variables).
    private func processes(withEnvironment marker: String) -> [String] {
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { Int($0) != nil }
        return pids.filter { pid in
            String(decoding: FileManager.default.contents(atPath: "/proc/\(pid)/environ") ?? Data(), as: UTF8.self)
                .contains(marker)
        }
    }

    private func isMounted(_ path: String) -> Bool {
        let table = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        return table.split(separator: "\n").contains {
            $0.split(separator: " ").dropFirst(4).first.map(String.init) == path
        }
    }

    // MARK: 1. never host root

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func aSetuidCopyMadeInsideIsNoSetuidRootFileOnTheHost() throws {
        try run(
            "cp /bin/bash ~/x && chmod u+s ~/x && ls -ln ~/x; id -u\n",
            inspect: { result in
                #expect(
                    result.output.contains("\n0\n") || result.output.hasSuffix("0\n"), "uid 0 inside: \(result.output)")
                var info = stat()
                #expect(
                    lstat(result.home.appendingPathComponent("x").path, &info) == 0,
                    "the copy was not made: \(result.output)")
                #expect(
                    !(info.st_uid == 0 && info.st_mode & S_ISUID != 0),
                    "a setuid-root file on the host: uid \(info.st_uid) mode \(String(info.st_mode, radix: 8))")
                if Self.isRoot {
                    #expect(info.st_uid == SandboxUser.nobody.uid, "owned by the sandbox user, not root")
                    let mount = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8))?.split(
                        separator: "\n"
                    )
                    .first { $0.split(separator: " ").dropFirst(4).first.map(String.init) == result.folder.path }
                    if let mount {
                        #expect(mount.contains("nosuid") && mount.contains("nodev"), "\(mount)")
                    }
                    var folder = stat()
                    #expect(
                        stat(result.folder.path, &folder) == 0 && folder.st_mode & 0o777 == 0o700
                            && folder.st_uid == SandboxUser.nobody.uid)
                }
            })
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func rootOnlyHostFilesAreUnreadableInside() throws {
        let result = try run(
            "cat /etc/shadow >/dev/null 2>&1; echo \"shadow=$?\"\nls /root >/dev/null 2>&1; echo done\n")
        #expect(result.output.contains("shadow=1"), "\(result.output)")
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func docketInAFolderTheSandboxUserCannotReadStillServes() throws {
        let hidden = Fixtures.temporaryDirectory("docket-hidden-binary")
        defer { try? FileManager.default.removeItem(at: hidden) }
        chmod(hidden.path, 0o700)
        let copy = hidden.appendingPathComponent("docket")
        try FileManager.default.copyItem(at: Self.server, to: copy)
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "hi\n".write(to: folder.appendingPathComponent("body"), atomically: true, encoding: .utf8)
        let result = try run("curl -fsS http://svc.fixture.test/x\n") { spec in
            spec.server = copy
            spec.routes = [
                FixtureRoute(
                    method: "GET", scheme: "http", host: "svc.fixture.test", path: "/x", query: nil, status: 200,
                    headers: [:], bodyFile: folder.appendingPathComponent("body").path)
            ]
        }
        #expect(result.output.contains("hi\n"), "\(result.output)")
        #expect(result.observedExitStatus == 0)
    }

    // MARK: 2. limits

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func aBoundedForkFloodIsStoppedAndReported() throws {
        // 100 sleepers against a limit of 32: forks are refused (bash retries them as sleepers
        // end), the flood stays bounded, the host is untouched. The flood runs in a subshell:
        // bash may give up a refused fork and end its script with status 254 (a sleeper's exit
        // interrupting its wait between two tries is enough), and the shell that reports must
        // not be that one.
        let result = try run(
            """
            (for i in $(seq 1 100); do sleep 1 & done; wait) 2>>/tmp/forks
            echo "refused=$(grep -c 'Resource temporarily unavailable' /tmp/forks)"
            """, timeout: 60
        ) { spec in spec.limits.processes = 32 }
        #expect(
            result.output.contains("refused=") && !result.output.contains("refused=0"),
            "the flood was not stopped: \(result.output) exit \(String(describing: result.observedExitStatus)) \(result.notes)"
        )
        if Self.isRoot { #expect(result.notes.contains { $0.contains("process limit (32)") }, "\(result.notes)") }
        let host = Process()
        host.executableURL = URL(fileURLWithPath: "/bin/true")
        try host.run()
        host.waitUntilExit()
        #expect(host.terminationStatus == 0, "the host can still start processes")
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func aRunbookWhoseShellGivesUpAtTheProcessLimitIsReportedWithItsOutput() throws {
        // Sleepers that outlast bash's retries (1 + 2 + 4 + 8 s): bash ends the script at the
        // refused fork with status 254. What it printed before, and its complaint, are kept.
        let result = try run(
            """
            echo before-the-flood
            for i in $(seq 1 40); do sleep 40 & done
            echo after-the-flood
            """, timeout: 60
        ) { spec in spec.limits.processes = 16 }
        #expect(
            result.output.contains("before-the-flood") && !result.output.contains("after-the-flood"), "\(result.output)"
        )
        #expect(result.output.contains("fork: Resource temporarily unavailable"), "\(result.output)")
        #expect(
            result.observedExitStatus == 254 && result.exitStatus == 254,
            "exit \(String(describing: result.observedExitStatus))")
        if Self.isRoot {
            #expect(
                result.notes.contains { $0.contains("process limit (16) refused") && $0.contains("status 254") },
                "\(result.notes)")
        }
        #expect(result.duration < 40, "the sleepers were not left to finish: \(result.duration) s")
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func writingThreeGigabytesFailsInsideAndNothingLargeLandsOnTheHost() throws {
        // The home fills the sandbox folder (output.log included): each status is printed once
        // the file is gone again.
        try run(
            """
            dd if=/dev/zero of=~/big bs=1M count=3072 2>/dev/null; home=$?; ls -s --block-size=1M ~/big >~/.size 2>&1; rm -f ~/big
            dd if=/dev/zero of=/tmp/big bs=1M count=3072 2>/dev/null; tmp=$?; rm -f /tmp/big
            dd if=/dev/zero of=/srv/work/big bs=1M count=3072 2>/dev/null; work=$?; truncate -s 16M /srv/work/big
            echo "home=$home tmp=$tmp work=$work"; cat ~/.size
            """, timeout: 60, configure: { spec in spec.limits.diskBytes = 32 << 20 },
            inspect: { result in
                #expect(result.output.contains("home=1 tmp=1 work=1"), "\(result.output)")
                let size =
                    (try? FileManager.default.attributesOfItem(atPath: result.work.appendingPathComponent("big").path)[
                        .size] as? Int) ?? 0
                #expect(size == 16 << 20, "\(size) bytes on the host")
            })
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func memoryBeyondTheLimitIsRefused() throws {
        let result = try run(
            """
            x=$(head -c 400000000 /dev/zero | tr '\\0' a); echo "length=${#x}"
            echo after
            """, timeout: 60
        ) { spec in spec.limits.memoryBytes = 128 << 20 }
        #expect(
            !result.output.contains("length=400000000"),
            "400 MB held under a 128 MiB limit: \(result.output.suffix(300))")
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func capturedOutputIsCut() throws {
        let result = try run(
            """
            echo first-line
            head -c 2000000 /dev/zero | tr '\\0' x
            echo; echo last-line
            for i in $(seq 1 3000); do printf 'c\\t%040d\\n' "$i" >>/tmp/docket/calls.log; done
            """
        ) { spec in spec.limits.outputBytes = 64 << 10 }
        #expect(result.output.utf8.count < 70 << 10, "\(result.output.utf8.count) bytes kept")
        #expect(result.output.contains("first-line") && result.output.contains("last-line"), "head and tail kept")
        #expect(result.notes.contains { $0.contains("output.log was cut") }, "\(result.notes)")
        #expect(result.notes.contains { $0.contains("calls.log was cut") }, "\(result.notes)")
        #expect(result.calls.count < 3000)
    }

    @Test func limitsOutsideTheirRangesAreRefusedBeforeAnythingStarts() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for limits in [
            SandboxLimits(processes: 1), SandboxLimits(diskBytes: 1 << 50), SandboxLimits(memoryBytes: 10),
            SandboxLimits(outputBytes: -1),
        ] {
            var spec = try spec("true\n", in: folder)
            spec.limits = limits
            #expect(throws: SandboxError.self) { try Sandbox.run(spec) }
        }
        #expect(SandboxLimits.defaults.problem == nil)
        #expect(SandboxLimits(processes: 5000).problem?.contains("processes 5000") == true)
    }

    // MARK: 3. nothing left behind

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func killingEverythingInsideIsReportedAndLeavesNothing() throws {
        let marker = "docket-kill-probe-\(UUID().uuidString.prefix(8))"
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = try spec(
            "# \(marker)\nbash -c 'exec -a \(marker) sleep 300' &\nsleep 0.2\nkill -9 -1\nsleep 5\n", in: folder)
        let message = Self.failure(of: spec)
        #expect(message.contains("killed by signal 9"), "\(message)")
        #expect(!message.contains("could not create"), "\(message)")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(leftoverFolders(marker).isEmpty)
        #expect(processes(matching: marker).isEmpty)
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func aTimedOutRunLeavesNothingOnceDiscarded() throws {
        let marker = "docket-timeout-probe-\(UUID().uuidString.prefix(8))"
        var folder: URL?
        let result = try run(
            "# \(marker)\nbash -c 'exec -a \(marker) sleep 300' &\nsleep 300\n", timeout: 2,
            inspect: { result in
                folder = result.folder
                #expect(result.timedOut)
                #expect(result.observedExitStatus == nil)
            })
        #expect(result.timedOut)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(processes(matching: marker).isEmpty)
        #expect(leftoverFolders(marker).isEmpty)
        if let folder {
            #expect(!FileManager.default.fileExists(atPath: folder.path))
            #expect(!isMounted(folder.path))
        }
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func killingTheFixtureServerLeavesNothing() throws {
        let marker = "docket-server-probe-\(UUID().uuidString.prefix(8))"
        var folder: URL?
        try run(
            """
            # \(marker)
            for p in /proc/[0-9]*; do grep -qa fixture-server "$p/cmdline" 2>/dev/null && kill -9 "${p#/proc/}"; done
            sleep 0.2
            curl -sS -m 2 http://localhost/ >/dev/null 2>&1; echo "curl=$?"
            """
        ) { spec in
            spec.environment = ["DOCKET_PROBE_MARKER": marker]
        } inspect: { result in
            folder = result.folder
            #expect(result.output.contains("curl=7"), "the server was killed: \(result.output)")
            #expect(result.observedExitStatus == 0)
        }
        #expect(leftoverFolders(marker).isEmpty)
        if let folder { #expect(!isMounted(folder.path) && !FileManager.default.fileExists(atPath: folder.path)) }
        #expect(processes(withEnvironment: marker).isEmpty, "a process of the run survived it")
    }

    // MARK: 4. secrets off the process list

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func secretsNeverReachACommandLine() throws {
        let secret = "env-secret-\(UUID().uuidString)"
        let fileSecret = "file-secret-\(UUID().uuidString)"
        let scan = CommandLineScan(needles: [secret, fileSecret])
        scan.start()
        try run(
            """
            [ "$DOCKET_PROBE" = '\(secret.prefix(11))'* ] 2>/dev/null
            case "$DOCKET_PROBE" in env-secret-*) echo env-ok ;; esac
            grep -q file-secret- /tmp/docket/params.env && echo file-ok
            stat -c '%a' /tmp/docket/params.env
            sleep 2
            """
        ) { spec in
            spec.environment = ["DOCKET_PROBE": secret]
            spec.controlFiles = ["params.env": Data("PASSWORD=\(fileSecret)\n".utf8)]
        } inspect: { result in
            #expect(result.output.contains("env-ok") && result.output.contains("file-ok"), "\(result.output)")
            #expect(result.output.contains("600\n"), "\(result.output)")
        }
        let found = scan.stop()
        #expect(scan.rounds > 10, "the scan ran while the run did")
        #expect(found.isEmpty, "a secret on a command line: \(found)")
    }

    @Test func badNamesAreRefused() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var spec = try spec("true\n", in: folder)
        spec.environment = ["BAD NAME": "x"]
        #expect(throws: SandboxError.self) { try Sandbox.run(spec) }
        for name in ["../escape", "output.log", "", ".hidden", "a/b"] {
            var spec = try self.spec("true\n", in: folder)
            spec.controlFiles = [name: Data()]
            #expect(throws: SandboxError.self, "control file \(name)") { try Sandbox.run(spec) }
        }
        var rootUser = try self.spec("true\n", in: folder)
        rootUser.user = SandboxUser(uid: 0, gid: 0)
        if Self.isRoot { #expect(throws: SandboxError.self) { try Sandbox.run(rootUser) } }
    }

    // MARK: 5. results cannot be forged

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func controlFilesReplacedBySymlinksAreNotFollowed() throws {
        let hostFile = Fixtures.temporaryDirectory("docket-host-file").appendingPathComponent("secret")
        defer { try? FileManager.default.removeItem(at: hostFile.deletingLastPathComponent()) }
        let content = "host-only-\(UUID().uuidString)"
        try content.write(to: hostFile, atomically: true, encoding: .utf8)
        chmod(hostFile.deletingLastPathComponent().path, 0o755)
        chmod(hostFile.path, 0o644)
        let result = try run(
            """
            echo visible
            ln -sf \(hostFile.path) /tmp/docket/output.log.new && mv -f /tmp/docket/output.log.new /tmp/docket/output.log
            ln -sf \(hostFile.path) /tmp/docket/calls.log
            ln -sf /etc/hostname /tmp/docket/requests.jsonl
            """)
        #expect(!result.output.contains(content))
        #expect(!result.calls.contains { $0.command.contains(content) || $0.step.contains(content) })
        #expect(result.notes.contains { $0.contains("output.log was replaced by a symbolic link") }, "\(result.notes)")
        #expect(result.notes.contains { $0.contains("calls.log was replaced by a symbolic link") }, "\(result.notes)")
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func aForgedStatusLineDisagreesWithTheObservedExit() throws {
        // As a step would: fd 3 closed, then a "passed" line written to the pipe through the
        // init process's descriptors, then failure.
        let result = try run(
            """
            exec 3>&-
            printf 'deploy 0\\n' >/proc/$PPID/fd/1
            echo "forged"
            exit 4
            """)
        #expect(result.observedExitStatus == 4)
        if result.steps.contains(where: { $0.name == "deploy" }) {
            #expect(result.stepsContradictExit, "the forged line must stand out")
        }
    }
}

/// Reads every process's command line over and over on a thread of its own, noting any that
/// contains one of the needles.
final class CommandLineScan: @unchecked Sendable {
    private let needles: [String]
    private let lock = NSLock()
    private var running = true
    private var found: [String] = []
    private var count = 0
    private let done = DispatchSemaphore(value: 0)

    init(needles: [String]) {
        self.needles = needles
    }

    var rounds: Int { lock.withLock { count } }

    func start() {
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter {
                    Int($0) != nil
                }
                for pid in pids {
                    let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
                    let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
                    if needles.contains(where: line.contains) { lock.withLock { found.append(line) } }
                }
                lock.withLock { count += 1 }
                usleep(10_000)
            }
            done.signal()
        }
    }

    func stop() -> [String] {
        lock.withLock { running = false }
        done.wait()
        return lock.withLock { found }
    }
}
