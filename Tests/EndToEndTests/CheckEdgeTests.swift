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
        let run = try BinaryTests().docket(["check", "--changed-since", "main"], in: folder, environment: ["PATH": empty.path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("--changed-since needs git, which is not on PATH"), "\(run.stderr)")
    }
}
