import DocketSandbox
import DocketTestSupport
import Foundation
import Testing

/// A fixture's `root/` tree laid writable over the read-only system, and `sudo` inside the sandbox.
@Suite(.serialized) struct SystemOverlayTests {
    static let available = HostTools.available
    static let server = BuiltProducts.docket

    /// Runs `script` with a root/ tree made of `files` (path under root/ → content); the result
    /// is inspected before its folder is removed.
    private func run(
        _ script: String, files: [String: String], stubs: [Stub] = [], unsandboxed: Bool = false,
        inspect: (SandboxResult) throws -> Void = { _ in }
    ) throws -> SandboxResult {
        let folder = Fixtures.temporaryDirectory("docket-overlay-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tree = folder.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        for (path, content) in files {
            let file = tree.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: file, atomically: true, encoding: .utf8)
        }
        let script = try { () throws -> URL in
            let url = folder.appendingPathComponent("script.sh")
            try (script).write(to: url, atomically: true, encoding: .utf8)
            return url
        }()
        var spec = SandboxSpec(
            script: script, arguments: [], home: nil, work: nil, directory: "~", stubs: stubs, routes: [],
            timeout: 30, stepTimeout: nil, environment: [:], server: Self.server, tools: HostTools.sandbox,
            unsandboxed: unsandboxed)
        spec.system = tree
        let result = try Sandbox.run(spec)
        defer { result.discard() }
        try inspect(result)
        return result
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func aFolderTheSystemLacksIsWritableAndReadAfterwards() throws {
        #expect(
            !FileManager.default.fileExists(atPath: "/etc/docket-overlay-probe"),
            "the host must not have the probe folder")
        var edited = ""
        let result = try run(
            """
            set -e
            cat /etc/docket-overlay-probe/site.conf
            printf 'upstream localhost:8000\\n' >> /etc/docket-overlay-probe/site.conf
            sed -i 's/^old/new/' /etc/docket-overlay-probe/site.conf
            echo made > /etc/docket-overlay-probe/new.txt
            # The rest of /etc is still the system's, read-only.
            test -s /etc/passwd && echo passwd-kept
            getent hosts localhost >/dev/null && echo hosts-kept
            if echo x > /etc/docket-overlay-elsewhere 2>/dev/null; then echo etc-writable; else echo etc-read-only; fi
            if echo x >> /etc/passwd 2>/dev/null; then echo passwd-writable; else echo passwd-read-only; fi
            # A file placed in a folder the system has: that folder keeps its own files, read-only.
            echo key | gpg --dearmor -o /usr/share/keyrings/docket-probe.gpg 2>/dev/null || echo key > /usr/share/keyrings/docket-probe.gpg
            ls /usr/share/keyrings | grep -q debian && echo keyrings-kept
            if echo x > /usr/share/keyrings/other.gpg 2>/dev/null; then echo keyrings-writable; else echo keyrings-read-only; fi
            """, files: ["etc/docket-overlay-probe/site.conf": "old line\n", "usr/share/keyrings/docket-probe.gpg": ""]
        ) { result in
            let copy = try #require(result.system)
            edited = try String(
                contentsOf: copy.appendingPathComponent("etc/docket-overlay-probe/site.conf"), encoding: .utf8)
            #expect(
                FileManager.default.fileExists(
                    atPath: copy.appendingPathComponent("etc/docket-overlay-probe/new.txt").path))
            let key = try Data(contentsOf: copy.appendingPathComponent("usr/share/keyrings/docket-probe.gpg"))
            #expect(!key.isEmpty, "the placeholder file was written through its mount")
        }
        #expect(result.exitStatus == 0, "\(result.output)")
        #expect(result.output.contains("old line"))
        #expect(
            edited == "new line\nupstream localhost:8000\n",
            "sed -i and an append work in the overlaid folder: \(edited)")
        for line in [
            "passwd-kept", "hosts-kept", "etc-read-only", "passwd-read-only", "keyrings-kept", "keyrings-read-only",
        ] {
            #expect(result.output.contains(line), "\(line): \(result.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/etc/docket-overlay-probe"), "the host's /etc was touched")
    }

    @Test func mountPointsAndTheirProblems() throws {
        let tree = Fixtures.temporaryDirectory("docket-overlay-points")
        defer { try? FileManager.default.removeItem(at: tree) }
        for path in [
            "etc/caddy/Caddyfile", "etc/environment", "opt/app/config.yml", "usr/share/keyrings/docket-probe.gpg",
            "tmp/x", "nosuchtop/a", "etc/hosts", "toplevel-file",
        ] {
            let file = tree.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "x".write(to: file, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(
            atPath: tree.appendingPathComponent("opt/linked").path, withDestinationPath: "/etc")
        let (points, problems) = SystemOverlay.mountPoints(of: tree)
        // Walked down through the folders the system has: the first path it lacks is mounted.
        #expect(
            points.map(\.path) == ["etc/caddy", "etc/environment", "opt/app", "usr/share/keyrings/docket-probe.gpg"])
        #expect(points.map(\.isDirectory) == [true, false, true, false])
        #expect(problems.map(\.path).sorted() == ["etc/hosts", "nosuchtop", "opt/linked", "tmp", "toplevel-file"])
        #expect(
            problems.first { $0.path == "nosuchtop" }?.description.contains("the system has no folder /nosuchtop")
                == true)
        #expect(SystemOverlay.contains("/etc/caddy/Caddyfile", in: points))
        #expect(SystemOverlay.contains("/etc/environment", in: points))
        #expect(!SystemOverlay.contains("/etc/caddyfile", in: points))
        #expect(!SystemOverlay.contains("/etc/passwd", in: points))
        #expect(!SystemOverlay.contains("/etc/environment/x", in: points))
        #expect(SystemOverlay.contains("/usr/share/keyrings/docket-probe.gpg", in: points))
        #expect(!SystemOverlay.contains("/usr/share/keyrings/debian-archive-keyring.gpg", in: points))
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func anUnusableTreeIsRefusedBeforeTheRun() throws {
        #expect(throws: SandboxError.self) { try run("true\n", files: ["proc/x": "y"]) }
        #expect(throws: SandboxError.self) { try run("true\n", files: ["etc/caddy/Caddyfile": "y"], unsandboxed: true) }
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func sudoRunsTheCommandAsRootAndIsRecorded() throws {
        let result = try run(
            """
            export DOCKET_STEP=edit
            sudo tee /etc/docket-overlay-probe/Caddyfile >/dev/null <<<'example.test {'
            sudo -E -H -- id -u
            sudo -u root sh -c 'echo "home=$HOME"'
            sudo -E sh -c 'echo "kept=$HOME"'
            sudo MODE=fast sh -c 'echo "mode=$MODE"'
            sudo sh -c 'echo "by=$SUDO_USER as=$USER"'
            echo "outside=${SUDO_USER:-none}"
            sudo -u operator id -u; echo "other-user=$?"
            sudo -Z true; echo "unknown-option=$?"
            """, files: ["etc/docket-overlay-probe/Caddyfile": ""]
        ) { result in
            let copy = try #require(result.system)
            #expect(
                try String(
                    contentsOf: copy.appendingPathComponent("etc/docket-overlay-probe/Caddyfile"), encoding: .utf8)
                    == "example.test {\n")
        }
        #expect(result.output.hasPrefix("0\n"), "\(result.output)")
        #expect(result.output.contains("home=/root"))
        #expect(result.output.contains("kept=/home/operator"))
        #expect(result.output.contains("mode=fast"))
        #expect(result.output.contains("by=operator as=root"))
        #expect(result.output.contains("outside=none"))
        #expect(result.output.contains("other-user=1"))
        #expect(result.output.contains("cannot run as operator: the sandbox has only root"))
        #expect(result.output.contains("unknown-option=1"))
        let calls = result.calls.map(\.command)
        #expect(calls.contains("sudo tee /etc/docket-overlay-probe/Caddyfile"), "\(calls)")
        #expect(calls.contains("sudo -u operator id -u"))
        #expect(result.calls.allSatisfy { $0.step == "edit" })
    }

    @Test(.enabled(if: available, "bwrap is not installed; sandbox tests skipped"))
    func aFixtureSudoStubWins() throws {
        let result = try run(
            "sudo whoami-not-run\n", files: ["etc/docket-overlay-probe/a": ""],
            stubs: [
                Stub(
                    name: "sudo",
                    behaviour: .rules([
                        StubRule(exact: nil, pattern: nil, stdout: "stubbed\n", stderr: "", status: 0, creates: [:])
                    ]))
            ])
        #expect(result.output.contains("stubbed"), "\(result.output)")
        #expect(result.calls.map(\.command) == ["sudo whoami-not-run"])
    }
}
