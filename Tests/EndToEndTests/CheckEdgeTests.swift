import DocketTestSupport
import Foundation
import Testing

/// The command line finds what `docket check` runs (git, shellcheck, itself) and passes it in:
/// what it finds on PATH is what is used.
@Suite struct CheckEdgeTests {
    @Test func changedSinceWithNoGitOnPathIsAUsageError() throws {
        let folder = Fixtures.temporaryDirectory("docket-edge")
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let run = try BinaryTests().docket(
            ["check", "--changed-since", "main"], in: folder, environment: ["PATH": empty.path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("--changed-since needs git, which is not on PATH"), "\(run.stderr)")
    }

    @Test func bubblewrapNotOnPathStopsTheCheckBeforeAnythingRuns() throws {
        let folder = Fixtures.temporaryDirectory("docket-edge")
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let run = try BinaryTests().docket(["check"], in: folder, environment: ["PATH": empty.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("bwrap (bubblewrap) is not installed"), "\(run.stderr)")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aSandboxProgramMissingFromPathIsAnErrorAtEachFixture() throws {
        // PATH holds bwrap, setpriv and openssl but no prlimit: each runbook says it could not
        // run, at its fixture, naming prlimit.
        let project = Fixtures.temporaryDirectory("docket-edge-tools")
        defer { try? FileManager.default.removeItem(at: project) }
        let source = Fixtures.url("checks").appendingPathComponent("rerun")
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(item), to: project.appendingPathComponent(item))
        }
        #expect(try BinaryTests().docket(["runbooks"], in: project).status == 0)
        let bin = project.appendingPathComponent(".bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for tool in ["bwrap", "setpriv", "openssl"] {
            let found = try #require(Self.onPath(tool), "\(tool) is not installed")
            try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent(tool), withDestinationURL: found)
        }
        let run = try BinaryTests().docket(["check"], in: project, environment: ["PATH": bin.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("runbooks/fixtures/rerun/fixture.yml:"), "located at the fixture: \(run.stderr)")
        #expect(
            run.stderr.contains(
                "runbook rerun could not run: cannot prepare the sandbox: prlimit (util-linux) is not installed"),
            "\(run.stderr)")
    }

    @Test(.enabled(if: geteuid() == 0, "the sandbox user applies to root only"))
    func aSandboxUserThatIsRootIsAUsageError() throws {
        let folder = Fixtures.temporaryDirectory("docket-edge")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try BinaryTests().docket(["check"], in: folder, environment: ["DOCKET_SANDBOX_USER": "0:0"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("DOCKET_SANDBOX_USER=0:0: the sandbox user must not be root"), "\(run.stderr)")
    }

    /// A program on this test process's PATH.
    private static func onPath(_ name: String) -> URL? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}
