import Foundation

/// The sandbox's folder on the host and what goes in it before the run:
///
/// ```
/// <root>/home          → /home/operator (HOME)
/// <root>/work          → /srv/work
/// <root>/control       → /tmp/docket: init.sh, runbook.sh, stubs/, tls/, bodies/, server.json,
///                        and what the run leaves: output.log, status.log, calls.log, requests.jsonl
/// <root>/hosts         → /etc/hosts
/// <root>/system/A/B     → /A/B, writable (the fixture's root/ tree, `SystemOverlay`)
/// ```
struct SandboxLayout {
    let root: URL
    let home: URL
    let work: URL
    let control: URL
    let hostsFile: URL
    let startDirectory: String
    let spec: SandboxSpec
    /// The host user bwrap runs as (docket is root); nil: docket's own user.
    let user: SandboxUser?
    /// Whether docket's binary was copied into the control folder (the sandbox user cannot read
    /// it where it is) rather than bound from where it is.
    let serverCopied: Bool
    let cleanup: SandboxCleanup
    /// The sandbox's copy of the fixture's `root/` tree.
    var system: URL { root.appendingPathComponent("system") }

    /// The control folder's own files: a control file of the spec must not replace one.
    static let reservedNames: Set<String> = [
        "init.sh", "runbook.sh", "stubs", "tls", "bodies", "server.json", "environment", "arguments", "docket-server",
        "output.log", "setup.log", "calls.log", "requests.jsonl", "exit", "ready", "status.log", "idle",
    ]

    static func prepare(_ spec: SandboxSpec) throws(SandboxError) -> SandboxLayout {
        if let problem = spec.limits.problem { throw .setup("limit \(problem)") }
        for name in spec.environment.keys where !SandboxScripts.isIdentifier(name) {
            throw .setup("environment variable name '\(name)' is not a shell identifier")
        }
        for name in spec.controlFiles.keys
        where name.isEmpty || name.contains("/") || name.hasPrefix(".") || reservedNames.contains(name)
            || name.utf8.contains(0)
        {
            throw .setup(
                "control file name '\(name)' is not allowed (one plain file name, not one of \(reservedNames.sorted().joined(separator: ", ")))"
            )
        }
        if spec.system != nil && spec.unsandboxed {
            throw .setup(
                "a fixture with a root/ tree cannot run without the sandbox: its files would replace the host's own (\(spec.system!.path))"
            )
        }
        var user: SandboxUser?
        if geteuid() == 0 && !spec.unsandboxed {
            user = spec.user ?? .nobody
            if let user, user.uid == 0 || user.gid == 0 {
                throw .setup("the sandbox user must not be root (uid \(user.uid), gid \(user.gid))")
            }
        }
        // mkdtemp: a fresh name, made mode 700 in one step (no window for another user of /tmp).
        var template = Array(
            FileManager.default.temporaryDirectory.appendingPathComponent("docket-sandbox-XXXXXXXX").path.utf8CString)
        guard mkdtemp(&template) != nil else {
            throw .setup(
                "cannot make a folder in \(FileManager.default.temporaryDirectory.path): \(String(cString: strerror(errno)))"
            )
        }
        let root = URL(
            fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        let mounted = user.map { HostTmpfs.mount(on: root, bytes: spec.limits.diskBytes, owner: $0) } ?? false
        let cleanup = SandboxCleanup(root: root, mounted: mounted)
        let serverPath = spec.server.resolvingSymlinksInPath().path
        let layout = SandboxLayout(
            root: root, home: root.appendingPathComponent("home"), work: root.appendingPathComponent("work"),
            control: root.appendingPathComponent("control"), hostsFile: root.appendingPathComponent("hosts"),
            startDirectory: Self.inside(
                spec.directory, unsandboxedHome: spec.unsandboxed ? root.appendingPathComponent("home").path : nil),
            spec: spec, user: user, serverCopied: user.map { !$0.canRead(serverPath) } ?? false, cleanup: cleanup)
        do {
            try layout.fill(serverPath: serverPath)
            try CertificateAuthority.make(
                hosts: spec.hosts, in: layout.control.appendingPathComponent("tls"), openssl: spec.tools.openssl)
            if let user { try layout.handOver(to: user) }
        } catch let error as SandboxError {
            cleanup.discard()
            throw error
        } catch {
            cleanup.discard()
            throw .setup("\(error)")
        }
        return layout
    }

    private func fill(serverPath: String) throws {
        let fm = FileManager.default
        for folder in [
            home, work, control.appendingPathComponent("stubs/.impl"), control.appendingPathComponent("tls"),
            control.appendingPathComponent("bodies"),
        ] {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        if let template = spec.home { try Self.copyContents(of: template, to: home) }
        if let template = spec.work { try Self.copyContents(of: template, to: work) }
        if let template = spec.system {
            try fm.createDirectory(at: system, withIntermediateDirectories: true)
            try Self.copyContents(of: template, to: system)
            let problems = SystemOverlay.mountPoints(of: system).problems
            if !problems.isEmpty { throw SandboxError.setup(problems.map(\.description).joined(separator: "; ")) }
        }
        try Self.copyFile(spec.script, to: control.appendingPathComponent("runbook.sh"))
        // What init.sh waits on, 10 ms at a time, for the fixture server (`read -t` on a FIFO
        // nobody writes to: no `sleep` process each time).
        if mkfifo(control.appendingPathComponent("idle").path, 0o600) != 0 {
            throw SandboxError.setup("cannot make a FIFO in \(control.path): \(String(cString: strerror(errno)))")
        }
        try writeStubs()
        try writeServerConfiguration()
        try SandboxScripts.initScript(unsandboxed: spec.unsandboxed, control: controlInside)
            .write(to: control.appendingPathComponent("init.sh"), atomically: true, encoding: .utf8)
        try Self.writePrivate(
            Data(SandboxScripts.environmentFile(environment(unsandboxed: spec.unsandboxed)).utf8),
            to: control.appendingPathComponent("environment"))
        try Self.writePrivate(
            Data(spec.arguments.map { $0 + "\u{0}" }.joined().utf8), to: control.appendingPathComponent("arguments"))
        for (name, data) in spec.controlFiles { try Self.writePrivate(data, to: control.appendingPathComponent(name)) }
        if serverCopied {
            try Self.copyFile(
                URL(fileURLWithPath: serverPath), to: control.appendingPathComponent("docket-server"), mode: 0o755)
        }
        let names = spec.hosts.joined(separator: " ")
        try "127.0.0.1 localhost\n::1 localhost\n\(names.isEmpty ? "" : "127.0.0.1 \(names)\n")"
            .write(to: hostsFile, atomically: true, encoding: .utf8)
    }

    /// Mode 0600 from the start (no moment where another user could open it).
    static func writePrivate(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SandboxError.setup("cannot write \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if written != data.count {
            throw SandboxError.setup("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Everything docket wrote goes to the sandbox user, who runs bwrap and is uid 0 inside.
    private func handOver(to user: SandboxUser) throws {
        func own(_ path: String) throws {
            if lchown(path, user.uid, user.gid) != 0 {
                throw SandboxError.setup("cannot give \(path) to uid \(user.uid): \(String(cString: strerror(errno)))")
            }
        }
        try own(root.path)
        chmod(root.path, 0o700)
        for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) {
            try own(root.appendingPathComponent(path).path)
        }
    }

    /// `~/x` → `/home/operator/x`.
    static func inside(_ path: String, unsandboxedHome: String?) -> String {
        let home = unsandboxedHome ?? Sandbox.home
        if path == "~" || path.isEmpty { return home }
        if path.hasPrefix("~/") { return home + "/" + path.dropFirst(2) }
        return path
    }

    /// Copies a tree: contents and permission bits, not owners (FileManager.copyItem tries to
    /// keep owners, which an ordinary user cannot do with a checkout owned by someone else).
    static func copyContents(of source: URL, to destination: URL) throws {
        let fm = FileManager.default
        for path in try fm.subpathsOfDirectory(atPath: source.path).sorted() {
            let from = source.appendingPathComponent(path), to = destination.appendingPathComponent(path)
            let attributes = try fm.attributesOfItem(atPath: from.path)
            let mode = (attributes[.posixPermissions] as? Int) ?? 0o644
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?:
                try fm.createDirectory(
                    at: to, withIntermediateDirectories: true, attributes: [.posixPermissions: mode | 0o700])
            case .typeSymbolicLink?:
                // Copied as a link, never followed: a fixture's link to a host file must not
                // bring that file's content (read as root) into the sandbox.
                try fm.createSymbolicLink(
                    atPath: to.path, withDestinationPath: fm.destinationOfSymbolicLink(atPath: from.path))
            case .typeRegular?:
                try copyFile(from, to: to, mode: mode & 0o777)
            default:
                continue
            }
        }
    }

    static func copyFile(_ from: URL, to: URL, mode: Int? = nil) throws {
        let data = try Data(contentsOf: from)
        try data.write(to: to)
        // Permission bits only: no setuid, setgid or sticky bit is carried into the sandbox.
        let bits =
            try
            (mode ?? ((FileManager.default.attributesOfItem(atPath: from.path)[.posixPermissions] as? Int) ?? 0o644))
            & 0o777
        try FileManager.default.setAttributes([.posixPermissions: bits], ofItemAtPath: to.path)
    }

    private var controlInside: String { spec.unsandboxed ? control.path : Sandbox.control }

    private func writeStubs() throws {
        let stubs = control.appendingPathComponent("stubs")
        for stub in spec.stubs {
            let impl = stubs.appendingPathComponent(".impl").appendingPathComponent(stub.name)
            switch stub.behaviour {
            case .executable(let path):
                try Self.copyFile(URL(fileURLWithPath: path), to: impl)
            case .rules(let rules):
                try SandboxScripts.ruleStub(name: stub.name, rules: rules).write(
                    to: impl, atomically: true, encoding: .utf8)
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: impl.path)
            let wrapper = stubs.appendingPathComponent(stub.name)
            try SandboxScripts.recordingWrapper(name: stub.name, control: controlInside).write(
                to: wrapper, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        }
        // Everything inside already runs as root: sudo only records the call and runs the
        // command, unless the fixture brings a sudo of its own.
        if !spec.stubs.contains(where: { $0.name == "sudo" }) {
            let sudo = stubs.appendingPathComponent("sudo")
            try SandboxScripts.sudo(control: controlInside).write(to: sudo, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sudo.path)
        }
    }

    private func writeServerConfiguration() throws {
        var routes: [FixtureRoute] = []
        for (index, var route) in spec.routes.enumerated() {
            if let body = route.bodyFile {
                let copy = control.appendingPathComponent("bodies/\(index)")
                try Self.copyFile(URL(fileURLWithPath: body), to: copy)
                route.bodyFile = controlInside + "/bodies/\(index)"
            }
            routes.append(route)
        }
        let configuration = FixtureServer.Configuration(
            routes: routes, httpPort: 80, httpsPort: 443,
            certificateFile: controlInside + "/tls/server.pem", keyFile: controlInside + "/tls/server.key",
            requestLog: controlInside + "/requests.jsonl")
        let data = try JSONEncoder().encode(configuration)
        try data.write(to: control.appendingPathComponent("server.json"))
    }

    /// The environment of everything in the sandbox: nothing of the host's leaks in.
    func environment(unsandboxed: Bool) -> [String: String] {
        let ctl = controlInside
        var env: [String: String] = [
            "HOME": unsandboxed ? home.path : Sandbox.home,
            "USER": "operator", "LOGNAME": "operator",
            "PATH": "\(ctl)/stubs:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "LANG": "C.UTF-8", "TERM": "dumb", "CI": "true", "TMPDIR": "/tmp",
            "SSL_CERT_FILE": "\(ctl)/tls/ca.pem", "CURL_CA_BUNDLE": "\(ctl)/tls/ca.pem",
            "REQUESTS_CA_BUNDLE": "\(ctl)/tls/ca.pem",
        ]
        if let stepTimeout = spec.stepTimeout { env["DOCKET_STEP_TIMEOUT"] = String(stepTimeout) }
        for (key, value) in spec.environment { env[key] = value }
        return env
    }

    func bubblewrapArguments(_ spec: SandboxSpec) -> [String] {
        let small = String(min(spec.limits.diskBytes, SandboxLimits.smallTmpfsBytes))
        var args = [
            "--unshare-all", "--die-with-parent", "--new-session", "--hostname", "docket-sandbox",
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
        ]
        // The fixture's root/ tree, writable over the read-only system (checked in fill()).
        let overlay: (setup: [String], finish: [String])
        if spec.system != nil {
            overlay = SystemOverlay.bubblewrapArguments(
                copy: system, points: SystemOverlay.mountPoints(of: system).points,
                tmpfsBytes: Int(small) ?? SandboxLimits.smallTmpfsBytes)
        } else {
            overlay = ([], [])
        }
        args += overlay.setup
        args += [
            // Private, empty, size-limited: the host's temporary files, its runtime sockets (a
            // Docker socket among them), and every real home folder.
            "--size", String(spec.limits.diskBytes), "--tmpfs", "/tmp",
            "--size", small, "--tmpfs", "/run", "--size", small, "--tmpfs", "/root",
            "--size", small, "--tmpfs", "/home", "--size", small, "--tmpfs", "/srv",
            "--bind", home.path, Sandbox.home, "--bind", work.path, Sandbox.work,
            "--bind", control.path, Sandbox.control, "--ro-bind", hostsFile.path, "/etc/hosts",
        ]
        args += overlay.finish
        // docket itself serves the fixture routes inside: bound from where it is, or already in
        // the control folder when the sandbox user cannot read it there (root's home).
        if !serverCopied {
            args += ["--ro-bind", spec.server.resolvingSymlinksInPath().path, Sandbox.control + "/docket-server"]
        }
        // Inside, everything runs as uid 0 of the sandbox's own user namespace with one
        // capability: binding ports 80 and 443 of its own network for the fixture server. That
        // uid 0 is the unprivileged sandbox user on the host (docket drops to it before bwrap
        // starts), or docket's own user. No environment value is given here: argv is public.
        args += [
            "--chdir", Sandbox.home, "--clearenv", "--json-status-fd", "5",
            "--uid", "0", "--gid", "0", "--cap-drop", "ALL", "--cap-add", "CAP_NET_BIND_SERVICE",
        ]
        return args
    }

    /// What the run left, read as untrusted input: control files without following links and
    /// within the output limit; step outcomes from the pipe; the exit status bwrap observed.
    func collect(
        timedOut: Bool, observedStatus: Int32?, started sandboxStarted: Bool, bwrapErrors: String, statusChannel: Data,
        reached: [String], started: Date
    ) throws(SandboxError) -> SandboxResult {
        let limit = spec.limits.outputBytes
        var notes = reached
        func read(_ name: String, keepTail: Bool = false) -> String {
            let file = ControlFile.read(control.appendingPathComponent(name), limit: limit, keepTail: keepTail)
            switch file.problem {
            case .symlink?: notes.append("control/\(name) was replaced by a symbolic link in the run: not read")
            case .notRegular?: notes.append("control/\(name) is not a regular file: not read")
            case nil: if file.cut { notes.append("control/\(name) was cut to \(limit) bytes (it had \(file.size))") }
            }
            return file.text
        }
        // The runbook's status, as init.sh wrote it to the exit file and, in case the run filled
        // its disk, as the last line of the status pipe.
        let pipeLines = String(decoding: statusChannel, as: UTF8.self).split(separator: "\n")
        let pipeExit = pipeLines.last { $0.hasPrefix(SandboxScripts.exitMark + " ") }.map {
            String($0.dropFirst(SandboxScripts.exitMark.count + 1))
        }
        var exitText = read("exit").trimmingCharacters(in: .whitespacesAndNewlines)
        if exitText.isEmpty { exitText = pipeExit ?? "" }
        var output = read("output.log", keepTail: true)
        let setup = read("setup.log")
        if statusChannel.count >= limit { notes.append("the status pipe was cut to \(limit) bytes") }
        if !timedOut && exitText.isEmpty {
            guard sandboxStarted else {
                // bwrap never started the sandbox (no child was reported).
                throw .bubblewrapFailed((bwrapErrors + setup).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            // bwrap itself failed while it built the sandbox's mounts, before init.sh ran: nothing
            // of the runbook started, so the caller may try again (see Sandbox.run).
            let bwrapOnly = bwrapErrors.trimmingCharacters(in: .whitespacesAndNewlines)
            if bwrapOnly.hasPrefix("bwrap: "), statusChannel.isEmpty, setup.isEmpty, output.isEmpty {
                throw .bubblewrapFailed(bwrapOnly)
            }
            var what = "the runbook's sandbox "
            if let observedStatus, observedStatus > 128 {
                what +=
                    "was killed by signal \(observedStatus - 128)\(observedStatus - 128 == SIGKILL ? " (SIGKILL)" : "")"
            } else {
                what += "ended with status \(observedStatus.map(String.init) ?? "unknown")"
            }
            what += " before the runbook finished"
            if !notes.isEmpty { what += " (" + notes.joined(separator: "; ") + ")" }
            // bubblewrap's own complaint (a mount it could not make after the child started) says why.
            let tail = (bwrapErrors + setup + output).split(separator: "\n", omittingEmptySubsequences: false).suffix(
                15
            ).joined(separator: "\n")
            throw .sandboxDied(
                tail.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? what : what + "; the output ended with:\n" + tail)
        }
        if !setup.isEmpty { output = setup + output }
        let steps: [(String, Int)] = pipeLines.compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.first.map(String.init) != SandboxScripts.exitMark else { return nil }
            guard parts.count == 2, let status = Int(parts[1]) else { return nil }
            return (String(parts[0]), status)
        }
        let calls: [RecordedCall] = read("calls.log").split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return RecordedCall(step: String(parts[0]), command: parts.count > 1 ? String(parts[1]) : "")
        }
        let decoder = JSONDecoder()
        let requests = read("requests.jsonl").split(separator: "\n").compactMap {
            try? decoder.decode(RecordedRequest.self, from: Data($0.utf8))
        }
        var result = SandboxResult(
            exitStatus: timedOut ? nil : Int32(exitText), observedExitStatus: timedOut ? nil : observedStatus,
            timedOut: timedOut,
            output: output, steps: steps,
            statusLines: pipeLines.filter { !$0.hasPrefix(SandboxScripts.exitMark + " ") }.map(String.init),
            calls: calls, requests: requests, notes: notes,
            folder: root, home: home, work: work, duration: Date().timeIntervalSince(started), cleanup: cleanup)
        if spec.system != nil { result.system = system }
        return result
    }
}
