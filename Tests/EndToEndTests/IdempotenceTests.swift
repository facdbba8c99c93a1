import DocketTestSupport
import Foundation
import Testing

/// `docket check` runs each passing runbook a second time on what the first run left: a file the
/// second run changes is an error at the step line that wrote it, with a diff; `changes:` and
/// `idempotent: false` (with its reason) declare what is expected.
@Suite(.serialized) struct IdempotenceTests {
    /// A copy of `Tests/Fixtures/checks/<name>` with its runbooks generated.
    private func project(_ name: String) throws -> URL {
        let temp = Fixtures.temporaryDirectory("docket-idempotence")
        let source = Fixtures.url("checks").appendingPathComponent(name)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(item), to: temp.appendingPathComponent(item))
        }
        let generated = try BinaryTests().docket(["runbooks"], in: temp)
        #expect(generated.status == 0, "\(generated.stderr)")
        return temp
    }

    private func errors(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return (object["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aLineAppendedAgainIsReportedAtTheStepThatWroteItWithADiff() throws {
        let project = try project("rerun")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let found = try errors(run.stdout)
        // One error: hosts.conf; last-run.txt is listed under changes:, the log and journal are docket's.
        #expect(found.count == 1, "\(found)")
        let error = try #require(found.first)
        #expect(error["code"] as? String == "idempotence.changed")
        #expect(error["file"] as? String == "docs/rerun.md")
        #expect(error["line"] as? Int == 17, "the line of step register that appends to hosts.conf")
        #expect(error["step"] as? String == "register")
        #expect((error["message"] as? String ?? "").contains("the second run changed ~/app/hosts.conf"))
        let detail = error["detail"] as? String ?? ""
        #expect(
            detail.contains("+++ ~/app/hosts.conf (after the second run)") && detail.contains("+host=alpha"),
            "\(detail)")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aDeclaredNonIdempotentRunbookPassesAndItsReasonIsRequired() throws {
        let project = try project("rerundeclared")
        defer { try? FileManager.default.removeItem(at: project) }
        let passed = try BinaryTests().docket(["check"], in: project)
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        let fixture = project.appendingPathComponent("runbooks/fixtures/rerundeclared/fixture.yml")
        let text = try String(contentsOf: fixture, encoding: .utf8)
        try text.split(separator: "\n").filter { !$0.hasPrefix("idempotent_reason") }.joined(separator: "\n")
            .write(to: fixture, atomically: true, encoding: .utf8)
        let refused = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(refused.status == 1)
        let found = try errors(refused.stdout)
        #expect(
            found.contains {
                ($0["message"] as? String ?? "").contains("`idempotent: false` needs `idempotent_reason:`")
            }, "\(found)")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aSecondRunThatFailsIsAnError() throws {
        let project = try project("rerun")
        defer { try? FileManager.default.removeItem(at: project) }
        // The settings step now refuses to run over an existing file: the first run passes, the second fails.
        let page = project.appendingPathComponent("docs/rerun.md")
        let text = try String(contentsOf: page, encoding: .utf8)
            .replacingOccurrences(of: "mkdir -p ~/app\n", with: "mkdir ~/app\n")
        try text.write(to: page, atomically: true, encoding: .utf8)
        #expect(try BinaryTests().docket(["runbooks"], in: project).status == 0)
        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1)
        let found = try errors(run.stdout)
        let failed = try #require(found.first { $0["code"] as? String == "idempotence.failed" }, "\(found)")
        #expect(failed["step"] as? String == "settings")
        #expect(failed["line"] as? Int == 10, "the mkdir line")
    }
}
