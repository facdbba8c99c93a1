import DocketRunbooks
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// A runbook page generated into a script in a temporary home, run with bash as an operator
/// would: no terminal, `CI` set, the home as the current folder.
final class ScriptHarness {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    let home: URL
    let script: URL
    let id: String

    init(page: String, id: String) throws {
        self.id = id
        home = Fixtures.temporaryDirectory("docket-script")
        let parsed = PageParser.parse(text: page, source: "\(id).md", displayPath: "docs/\(id).md")
        let (runbook, diagnostics) = RunbookExtractor.extract(parsed, sourceLabel: "docs/\(id).md")
        // Pages that test stopping a step start a background process holding the step's
        // output on purpose (the hardest case for the runtime), which the build warns about.
        let unexpected = diagnostics.all.filter { !$0.message.contains("runs in the background") }
        #expect(unexpected.isEmpty, "\(unexpected)")
        script = home.appendingPathComponent("\(id).sh")
        try ScriptGenerator.script(for: try #require(runbook)).write(to: script, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: home) }

    var journal: URL { home.appendingPathComponent(".local/state/docket/\(id).journal") }

    func environment(_ extra: [String: String]) -> [String: String] {
        // The run's scratch folder too lives in the home, which the harness removes (a script
        // killed with SIGKILL cannot tidy up).
        let scratch = home.appendingPathComponent("tmp")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var environment = [
            "HOME": home.path, "PATH": "/usr/bin:/bin", "CI": "true", "LANG": "C.UTF-8", "TMPDIR": scratch.path,
        ]
        for (key, value) in extra { environment[key] = value }
        return environment.filter { !$0.value.isEmpty }
    }

    /// A started script: its process id and its output pipes.
    struct Started {
        var pid: pid_t
        var out: Pipe
        var err: Pipe
    }

    /// Starts the script with posix_spawn, with no signal blocked or ignored: Foundation's
    /// Process hands a child the signal mask of the thread that starts it, and test threads
    /// block most signals, so a script started that way could never see SIGINT or SIGTERM.
    func start(_ arguments: [String], environment extra: [String: String] = [:], interpreter: String = "/bin/bash")
        throws -> Started
    {
        try spawn([interpreter, script.path] + arguments, environment: extra)
    }

    /// Runs `command` in the home, as `start` does.
    func spawn(_ command: [String], environment extra: [String: String] = [:]) throws -> Started {
        let out = Pipe(), err = Pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out.fileHandleForWriting.fileDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, err.fileHandleForWriting.fileDescriptor, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // /bin/sh enters the home and becomes the interpreter (exec keeps the process id).
        let argv = ["/bin/sh", "-c", "cd \"$1\" || exit 97; shift; exec \"$@\"", "sh", home.path] + command
        let envp = environment(extra).map { "\($0.key)=\($0.value)" }
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnvp: [UnsafeMutablePointer<CChar>?] = envp.map { strdup($0) } + [nil]
        defer { for pointer in cArgv + cEnvp { free(pointer) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &cArgv, &cEnvp)
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()
        guard result == 0 else { throw CocoaError(.executableLoad) }
        return Started(pid: pid, out: out, err: err)
    }

    func run(_ arguments: [String], environment extra: [String: String] = [:], interpreter: String = "/bin/bash") throws
        -> Run
    {
        finish(try start(arguments, environment: extra, interpreter: interpreter))
    }

    /// Reads the output to its end and waits; a death by signal N reads as status 128 + N.
    func finish(_ started: Started) -> Run {
        let o = started.out.fileHandleForReading.readDataToEndOfFile(),
            e = started.err.fileHandleForReading.readDataToEndOfFile()
        var status: Int32 = 0
        while waitpid(started.pid, &status, 0) == -1 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Run(status: code, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func file(_ path: String) -> String? {
        try? String(contentsOf: home.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        let url = home.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: home.appendingPathComponent(path).path))?[.posixPermissions]
            as? Int
    }

    /// The script's own bash process (not its subshells), once it runs.
    func mainProcess() -> pid_t? {
        let mine = "bash \(script.path)"
        func commandLine(_ pid: String) -> String? {
            FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map {
                String(decoding: $0.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            }
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for pid in entries where pid.allSatisfy(\.isNumber) && commandLine(pid)?.hasPrefix(mine) == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1 else { continue }
            if commandLine(String(fields[1]))?.hasPrefix(mine) != true { return pid_t(pid) }
        }
        return nil
    }

    /// The processes whose parent is `parent`, with their command lines (Linux /proc).
    static func children(of parent: pid_t) -> [(pid: pid_t, command: String)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> (pid: pid_t, command: String)? in
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, pid_t(fields[1]) == parent,
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { return nil }
            return (pid, String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self))
        }
    }

    /// Processes whose command line contains `marker` (Linux /proc).
    static func processes(containing marker: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return line.contains(marker) ? "\(pid): \(line)" : nil
        }
    }
}
