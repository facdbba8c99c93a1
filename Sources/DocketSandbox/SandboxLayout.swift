import Foundation

/// The sandbox's folder on the host and what goes in it before the run:
///
/// ```
/// <root>/home          → /home/operator (HOME)
/// <root>/work          → /srv/work
/// <root>/control       → /tmp/docket: init.sh, runbook.sh, stubs/, tls/, bodies/, server.json,
///                        and what the run leaves: output.log, status.log, calls.log, requests.jsonl
/// <root>/hosts         → /etc/hosts
/// ```
struct SandboxLayout {
    let root: URL
    let home: URL
    let work: URL
    let control: URL
    let hostsFile: URL
    let startDirectory: String
    let spec: SandboxSpec

    static func prepare(_ spec: SandboxSpec) throws(SandboxError) -> SandboxLayout {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("docket-sandbox-\(UUID().uuidString.prefix(8))")
        let layout = SandboxLayout(
            root: root, home: root.appendingPathComponent("home"), work: root.appendingPathComponent("work"),
            control: root.appendingPathComponent("control"), hostsFile: root.appendingPathComponent("hosts"),
            startDirectory: Self.inside(spec.directory, unsandboxedHome: spec.unsandboxed ? root.appendingPathComponent("home").path : nil),
            spec: spec)
        do {
            for folder in [layout.home, layout.work, layout.control.appendingPathComponent("stubs/.impl"),
                           layout.control.appendingPathComponent("tls"), layout.control.appendingPathComponent("bodies")] {
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            if let template = spec.home { try copyContents(of: template, to: layout.home) }
            if let template = spec.work { try copyContents(of: template, to: layout.work) }
            try copyFile(spec.script, to: layout.control.appendingPathComponent("runbook.sh"))
            try layout.writeStubs()
            try layout.writeServerConfiguration()
            try SandboxScripts.initScript(unsandboxed: spec.unsandboxed, control: spec.unsandboxed ? layout.control.path : Sandbox.control)
                .write(to: layout.control.appendingPathComponent("init.sh"), atomically: true, encoding: .utf8)
            let names = spec.hosts.joined(separator: " ")
            try "127.0.0.1 localhost\n::1 localhost\n\(names.isEmpty ? "" : "127.0.0.1 \(names)\n")"
                .write(to: layout.hostsFile, atomically: true, encoding: .utf8)
        } catch let error as SandboxError {
            throw error
        } catch {
            throw .setup("\(error)")
        }
        try CertificateAuthority.make(hosts: spec.hosts, in: layout.control.appendingPathComponent("tls"))
        return layout
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
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                try fm.createDirectory(at: to, withIntermediateDirectories: true, attributes: [.posixPermissions: mode | 0o700])
            } else {
                try copyFile(from, to: to, mode: mode)
            }
        }
    }

    static func copyFile(_ from: URL, to: URL, mode: Int? = nil) throws {
        let data = try Data(contentsOf: from)
        try data.write(to: to)
        let bits = try mode ?? ((FileManager.default.attributesOfItem(atPath: from.path)[.posixPermissions] as? Int) ?? 0o644)
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
                try SandboxScripts.ruleStub(name: stub.name, rules: rules).write(to: impl, atomically: true, encoding: .utf8)
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: impl.path)
            let wrapper = stubs.appendingPathComponent(stub.name)
            try SandboxScripts.recordingWrapper(name: stub.name, control: controlInside).write(to: wrapper, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
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
            "SSL_CERT_FILE": "\(ctl)/tls/ca.pem", "CURL_CA_BUNDLE": "\(ctl)/tls/ca.pem", "REQUESTS_CA_BUNDLE": "\(ctl)/tls/ca.pem",
        ]
        if let stepTimeout = spec.stepTimeout { env["DOCKET_STEP_TIMEOUT"] = String(stepTimeout) }
        for (key, value) in spec.environment { env[key] = value }
        return env
    }

    func bubblewrapArguments(_ spec: SandboxSpec) -> [String] {
        var args = [
            "--unshare-all", "--die-with-parent", "--new-session", "--hostname", "docket-sandbox",
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
            // Private, empty: the host's temporary files, its runtime sockets (a Docker socket
            // among them), and every real home folder.
            "--tmpfs", "/tmp", "--tmpfs", "/run", "--tmpfs", "/root", "--tmpfs", "/home", "--tmpfs", "/srv",
            "--bind", home.path, Sandbox.home, "--bind", work.path, Sandbox.work,
            "--bind", control.path, Sandbox.control, "--ro-bind", hostsFile.path, "/etc/hosts",
            // docket itself serves the fixture routes inside; its home folder may be hidden above.
            "--ro-bind", spec.server.resolvingSymlinksInPath().path, Sandbox.control + "/docket-server",
            "--chdir", Sandbox.home, "--clearenv",
        ]
        // Inside, everything runs as uid 0 of the sandbox's own user namespace with one
        // capability: binding ports 80 and 443 of its own network for the fixture server. As
        // real root and as an ordinary user alike, every other capability is dropped.
        args += ["--uid", "0", "--gid", "0", "--cap-drop", "ALL", "--cap-add", "CAP_NET_BIND_SERVICE"]
        for (key, value) in environment(unsandboxed: false).sorted(by: { $0.key < $1.key }) {
            args += ["--setenv", key, value]
        }
        return args
    }

    func collect(timedOut: Bool, bwrapStatus: Int32, bwrapErrors: String, statusChannel: String, started: Date) throws(SandboxError) -> SandboxResult {
        func read(_ name: String) -> String {
            (try? String(contentsOf: control.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
        let exitText = read("exit").trimmingCharacters(in: .whitespacesAndNewlines)
        var output = read("output.log")
        let setup = read("setup.log")
        if !timedOut && exitText.isEmpty {
            // The script never ran: bwrap or the fixture server failed.
            throw .bubblewrapFailed((bwrapErrors + setup).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if !setup.isEmpty { output = setup + output }
        let steps: [(String, Int)] = statusChannel.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let status = Int(parts[1]) else { return nil }
            return (String(parts[0]), status)
        }
        let calls: [RecordedCall] = read("calls.log").split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return RecordedCall(step: String(parts[0]), command: parts.count > 1 ? String(parts[1]) : "")
        }
        let decoder = JSONDecoder()
        let requests = read("requests.jsonl").split(separator: "\n").compactMap { try? decoder.decode(RecordedRequest.self, from: Data($0.utf8)) }
        return SandboxResult(
            exitStatus: timedOut ? nil : Int32(exitText), timedOut: timedOut, output: output, steps: steps, calls: calls,
            requests: requests, folder: root, home: home, work: work, duration: Date().timeIntervalSince(started))
    }
}
