import DocketTestSupport
import Foundation
import Testing

/// `docket check` runs one shellcheck for every step of every runbook: each finding still
/// lands at its own page and line, in runbook and step order.
@Suite struct ShellCheckBatchTests {
    @Test(
        .enabled(
            if: CheckTests.bwrap
                && ["/usr/bin/shellcheck", "/bin/shellcheck"].contains {
                    FileManager.default.isExecutableFile(atPath: $0)
                },
            "bwrap or shellcheck is not installed"))
    func findingsOfSeveralRunbooksAreMappedToTheirPagesInOrder() throws {
        let temp = Fixtures.temporaryDirectory("docket-shellcheck")
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(
            [
                "docs/a.md":
                    "---\nrunbook: { id: a, title: A }\n---\n\n```bash step=one\necho start\n```\n\n```bash step=two\necho two\nlocal x=1\n```\n",
                "docs/b.md": "---\nrunbook: { id: b, title: B }\n---\n\n```bash step=first\nlocal y=2\n```\n",
            ], under: temp)
        _ = try BinaryTests().docket(["runbooks"], in: temp)
        let run = try BinaryTests().docket(["check"], in: temp)
        #expect(run.status == 1, "\(run.stderr)")
        let first = "docs/a.md:11:1: error: shellcheck (step two): 'local' is only valid in functions. [SC2168]"
        let second = "docs/b.md:6:1: error: shellcheck (step first): 'local' is only valid in functions. [SC2168]"
        let a = try #require(run.stderr.range(of: first), "\(run.stderr)")
        let b = try #require(run.stderr.range(of: second), "\(run.stderr)")
        #expect(a.lowerBound < b.lowerBound, "runbook order: \(run.stderr)")
        #expect(!run.stderr.contains("step one"), "\(run.stderr)")
    }
}
