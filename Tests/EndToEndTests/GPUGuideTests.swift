import DocketTestSupport
import Foundation
import Testing

/// `docket check` on the GPU server guide, whose steps edit `/etc` through `sudo` against the
/// fixture's `root/` overlay: it passes as committed, each single-line mutation fails at the
/// changed line, and fixtures that misuse `root/` are located errors.
@Suite(.serialized) struct GPUGuideTests {
    static let guide = "content/guides/gpu-server.md"
    static let fixture = "runbooks/fixtures/gpu-server/fixture.yml"

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func theGuidePassesAndTheRebootIsRecordedNotRun() throws {
        let guide = try GuideCheck("docket-gpu-check")
        defer { guide.remove() }
        let project = guide.project
        let run = try BinaryTests().docket(["check", "--runbook", "gpu-server", "--json"], in: project)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(object["passed"] as? Bool == true)
        let runbook = (object["runbooks"] as? [[String: Any]])?.first
        let steps = runbook?["steps"] as? [[String: Any]] ?? []
        #expect(
            steps.map { $0["name"] as? String ?? "" }.prefix(3) == [
                "install-driver", "reboot-for-driver", "check-driver",
            ])
        #expect(steps.count == 15)
        #expect(steps.allSatisfy { $0["outcome"] as? String == "ok" })
        // Every expectation ran and passed: the overlaid /etc files among them.
        let expectations = runbook?["expectations"] as? [[String: Any]] ?? []
        #expect(
            expectations.contains {
                $0["name"] as? String == "file /etc/caddy/Caddyfile" && $0["state"] as? String == "passed"
            })
        #expect(
            expectations.contains {
                $0["name"] as? String == "output does not contain 'reboot stub:'" && $0["state"] as? String == "passed"
            })
        #expect(expectations.allSatisfy { $0["state"] as? String == "passed" })
        // The committed fixture copy is unchanged: the run wrote into the sandbox's copy only.
        let committed = try String(
            contentsOf: project.appendingPathComponent("runbooks/fixtures/gpu-server/root/etc/caddy/Caddyfile"),
            encoding: .utf8)
        #expect(committed.contains(":80 {"))
    }

    /// (what changes, the text to change, its replacement)
    static let mutations: [(String, String, String)] = [
        ("wrong Caddy upstream port", "    reverse_proxy localhost:8000\n", "    reverse_proxy localhost:8080\n"),
        ("reload without sudo", "sudo systemctl reload caddy\n```", "systemctl reload caddy\n```"),
        ("wrong probe path", "curl -fsSI https://gpu.example.com/docs\n", "curl -fsSI https://gpu.example.com/doc\n"),
        (
            "wrong env key", "HF_TOKEN=your_huggingface_token_here\nEOF",
            "HUGGINGFACE_TOKEN=your_huggingface_token_here\nEOF"
        ),
        (
            "key saved armored",
            "  sudo gpg --batch --yes --dearmor -o /usr/share/keyrings/nvidia-container-toolkit-keyring.gpg\n",
            "  sudo tee /usr/share/keyrings/nvidia-container-toolkit-keyring.gpg >/dev/null\n"
        ),
        (
            "toolkit installed without sudo",
            "sudo apt-get update && sudo apt-get install -y nvidia-container-toolkit\n",
            "sudo apt-get update && apt-get install -y nvidia-container-toolkit\n"
        ),
    ]

    @Test(
        .enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"),
        arguments: mutations.map(\.0))
    func aMutationFailsAtItsLine(_ name: String) throws {
        let (_, original, replacement) = Self.mutations.first { $0.0 == name }!
        let guide = try GuideCheck("docket-gpu-check")
        defer { guide.remove() }
        let line = try guide.change(Self.guide, original, to: replacement)
        let regenerate = try guide.regenerate()
        #expect(regenerate.status == 0, "the mutated guide still extracts: \(regenerate.stderr)")
        let (run, found) = try guide.check("gpu-server")
        #expect(run.status == 1, "\(name) must fail the check")
        #expect(
            found.contains { $0.file == Self.guide && $0.line == line },
            "\(name): expected an error at \(Self.guide):\(line), got:\n\(found.map(\.description).joined(separator: "\n"))"
        )
    }

    /// The `reboot` attribute is what keeps `sudo reboot` from running under docket check: without
    /// it the step runs, the fixture's reboot stub answers, and the check fails on its output.
    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func withoutTheRebootAttributeTheRebootRuns() throws {
        let guide = try GuideCheck("docket-gpu-check")
        defer { guide.remove() }
        let project = guide.project
        let page = project.appendingPathComponent(Self.guide)
        let text = try String(contentsOf: page, encoding: .utf8)
        #expect(text.components(separatedBy: "step=reboot-for-driver reboot ").count == 2)
        try text.replacingOccurrences(of: "step=reboot-for-driver reboot ", with: "step=reboot-for-driver ").write(
            to: page, atomically: true, encoding: .utf8)
        #expect(try BinaryTests().docket(["runbooks"], in: project).status == 0)
        let run = try BinaryTests().docket(["check", "--runbook", "gpu-server", "--json"], in: project)
        #expect(run.status == 1)
        let messages = GuideCheck.errors(run.stdout).map(\.message)
        #expect(messages.contains { $0.contains("the output contains 'reboot stub:'") }, "\(messages)")
        #expect(
            messages.contains {
                $0.contains("does not contain 'restarts the machine: recorded, not run under docket check'")
            }, "\(messages)")
    }

    /// A file expectation on a system path the fixture does not overlay, and a root/ entry the
    /// sandbox keeps for itself, are errors at their place before anything runs.
    @Test func misusedOverlayIsALocatedError() throws {
        let guide = try GuideCheck("docket-gpu-check")
        defer { guide.remove() }
        let project = guide.project
        let fixture = project.appendingPathComponent(Self.fixture)
        var yaml = try String(contentsOf: fixture, encoding: .utf8)
        yaml = yaml.replacingOccurrences(
            of: "    /etc/docker/daemon.json:\n",
            with: "    /etc/passwd:\n      contains: [root]\n    /etc/docker/daemon.json:\n")
        try yaml.write(to: fixture, atomically: true, encoding: .utf8)
        let passwdLine = yaml.components(separatedBy: "    /etc/passwd:")[0].filter { $0 == "\n" }.count + 1
        let reserved = project.appendingPathComponent("runbooks/fixtures/gpu-server/root/tmp")
        try FileManager.default.createDirectory(at: reserved, withIntermediateDirectories: true)
        try "x".write(to: reserved.appendingPathComponent("x"), atomically: true, encoding: .utf8)

        let run = try BinaryTests().docket(["check", "--runbook", "gpu-server", "--json"], in: project)
        #expect(run.status != 0)
        let found = GuideCheck.errors(run.stdout)
        #expect(
            found.contains {
                $0.file == Self.fixture && $0.line == passwdLine
                    && $0.message.contains("/etc/passwd is not in the sandbox's home")
            },
            "\(found.map(\.description))")
        #expect(
            found.contains {
                $0.file == "runbooks/fixtures/gpu-server/root/tmp" && $0.message.contains("/tmp is the sandbox's own")
            },
            "\(found.map(\.description))")
    }
}
