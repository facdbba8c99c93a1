import DocketTestSupport
import Foundation
import Testing

/// What `docket check` reports and where (`Tests/Fixtures/checks/<case>`): unknown fixture keys
/// and step names, traffic no route answers, one error for a stopped run, a missing parameter,
/// clean output channels, located drift, the summary line.
@Suite(.serialized) struct CheckReportingTests {
    /// A copy of `Tests/Fixtures/checks/<name>` with its runbooks generated.
    private func project(_ name: String) throws -> URL {
        let temp = Fixtures.temporaryDirectory("docket-reporting")
        let source = Fixtures.url("checks").appendingPathComponent(name)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(item), to: temp.appendingPathComponent(item))
        }
        let generated = try BinaryTests().docket(["runbooks"], in: temp)
        #expect(generated.status == 0, "\(generated.stderr)")
        return temp
    }

    private struct Found {
        var place: String
        var code: String
        var message: String
        var detail: String
        var step: String?
    }

    private func report(_ json: String) throws -> (diagnostics: [Found], object: [String: Any]) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let diagnostics = (object["diagnostics"] as? [[String: Any]] ?? []).filter {
            $0["severity"] as? String == "error"
        }.map {
            Found(
                place: "\($0["file"] as? String ?? ""):\($0["line"] as? Int ?? 0)", code: $0["code"] as? String ?? "",
                message: $0["message"] as? String ?? "", detail: $0["detail"] as? String ?? "",
                step: $0["step"] as? String)
        }
        return (diagnostics, object)
    }

    private func listing(_ found: [Found]) -> String {
        found.map { "\($0.place) [\($0.code)] \($0.message)" }.joined(separator: "\n")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func unknownKeysAndStepsAreLocatedErrorsWithASuggestion() throws {
        let project = try project("unknown")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1)
        let (found, object) = try report(run.stdout)
        let fixture = "runbooks/fixtures/unknown/fixture.yml"
        for (place, code, text) in [
            ("\(fixture):2", "fixture.unknown-key", "unknown fixture key 'timout' (did you mean 'timeout'?)"),
            (
                "\(fixture):8", "fixture.unknown-key",
                "unknown key under expect.files.~/app.env 'contain' (did you mean 'contains'?)"
            ),
            (
                "\(fixture):10", "fixture.unknown-key",
                "unknown key under expect.output 'contans' (did you mean 'contains'?)"
            ),
            (
                "\(fixture):5", "fixture.unknown-step",
                "expect.steps names 'instal', which is not a step of runbook unknown (did you mean 'install'?)"
            ),
        ] {
            #expect(
                found.contains { $0.place == place && $0.code == code && $0.message.contains(text) },
                "missing \(place) \(text)\ngot:\n\(listing(found))")
        }
        #expect(found.count == 4, "\(listing(found))")
        #expect((object["runbooks"] as? [Any])?.isEmpty == true, "a fixture with errors does not run")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aRequestNoRouteAnswersFailsAtTheLineThatMadeIt() throws {
        let project = try project("unrouted")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1, "\(run.stderr)")
        let (found, _) = try report(run.stdout)
        // Line 16 makes the request (in step fetch, by the runtime's step times and the server's
        // request times); line 11 only prints such a line and line 10 names ~/docs.
        #expect(found.count == 1, "\(listing(found))")
        #expect(found.first?.place == "docs/unrouted.md:16", "\(listing(found))")
        #expect(found.first?.code == "request.unrouted" && found.first?.step == "fetch", "\(listing(found))")
        #expect(
            found.first?.message.contains("GET https://api.fixture.test/docs matches no route") == true,
            "\(listing(found))")

        // The opt-out: the request is listed, not an error.
        let fixture = project.appendingPathComponent("runbooks/fixtures/unrouted/fixture.yml")
        try (try String(contentsOf: fixture, encoding: .utf8) + "unrouted: allow\n").write(
            to: fixture, atomically: true, encoding: .utf8)
        let allowed = try BinaryTests().docket(["check"], in: project)
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aStoppedRunIsOneErrorAndJUnitSkipsWhatDidNotRun() throws {
        let project = try project("stopped")
        defer { try? FileManager.default.removeItem(at: project) }
        let junit = project.appendingPathComponent("report.xml")
        let run = try BinaryTests().docket(["check", "--json", "--junit", junit.path], in: project)
        #expect(run.status == 1)
        let (found, _) = try report(run.stdout)
        #expect(found.count == 1, "one cause, one error:\n\(listing(found))")
        let root = try #require(found.first)
        #expect(root.place == "docs/stopped.md:13")
        #expect(root.code == "step.failed" && root.step == "two")
        // ~/two.txt, which the failed step wrote, is a consequence too.
        #expect(
            root.detail.hasPrefix("3 expectations not checked: step two failed and steps three–four did not run (3–4)"),
            "\(root.detail)")
        #expect(
            run.stderr.contains(
                "docket check: 1 page, 0 links, 1 runbook run (0 passed, 1 failed); 1 error, 0 warnings: FAILED"),
            "\(run.stderr)")

        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"runbook stopped\" tests=\"9\" failures=\"1\" skipped=\"5\""), "\(xml)")
        for name in ["three", "four"] {
            #expect(
                xml.contains("<testcase name=\"\(name)\" classname=\"runbook.stopped.steps\" file=\"docs/stopped.md\""),
                "\(xml)")
        }
        #expect(xml.contains("<skipped message=\"did not run: step two failed before it\"/>"))
        #expect(
            xml.contains(
                "<testcase name=\"file ~/one.txt\" classname=\"runbook.stopped.expect\" file=\"runbooks/fixtures/stopped/fixture.yml\" line=\"5\"/>"
            ), "\(xml)")
        #expect(
            xml.contains(
                "<testcase name=\"file ~/three.txt\" classname=\"runbook.stopped.expect\" file=\"runbooks/fixtures/stopped/fixture.yml\" line=\"7\">\n      <skipped"
            ), "\(xml)")
        #expect(xml.contains("type=\"step.failed\""))
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aMissingParameterIsTheOnlyErrorWithTheFix() throws {
        let project = try project("missingparam")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1)
        let (found, object) = try report(run.stdout)
        #expect(found.count == 1, "\(listing(found))")
        #expect(found.first?.place == "runbooks/fixtures/missingparam/fixture.yml:2")
        #expect(found.first?.code == "fixture.missing-param")
        #expect(found.first?.message.contains("needs a value for the parameter TOKEN") == true, "\(listing(found))")
        #expect(found.first?.detail == "  TOKEN: abc123")
        #expect((object["runbooks"] as? [Any])?.isEmpty == true)
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func jsonOwnsStandardOutputAndJUnitIsCheckedFirst() throws {
        let project = try project("unrouted")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--json"], in: project, environment: ["GITHUB_ACTIONS": "true"])
        #expect(run.status == 1)
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil,
            "stdout is JSON only:\n\(run.stdout)")
        #expect(
            run.stderr.contains("::error file=docs/unrouted.md,line=16,col=1,title=request.unrouted::"), "\(run.stderr)"
        )
        #expect(
            try BinaryTests().docket(["check", "--github"], in: project).stderr.contains(
                "::error file=docs/unrouted.md,line=16"))

        for bad in [project.appendingPathComponent("no/such/folder/report.xml").path, project.path] {
            let refused = try BinaryTests().docket(["check", "--junit", bad], in: project)
            #expect(refused.status == 2, "\(bad): \(refused.stderr)")
            #expect(refused.stderr.contains("docket check: error: --junit \(bad): "))
            #expect(!refused.stderr.contains("runbook unrouted:"), "nothing ran")
        }
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aStaleScriptFailsAtTheChangedStepAndIsNotRun() throws {
        let project = try project("stopped")
        defer { try? FileManager.default.removeItem(at: project) }
        let page = project.appendingPathComponent("docs/stopped.md")
        try (try String(contentsOf: page, encoding: .utf8)).replacingOccurrences(
            of: "printf 'c\\n'", with: "printf 'C\\n'"
        )
        .write(to: page, atomically: true, encoding: .utf8)
        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1)
        let (found, object) = try report(run.stdout)
        #expect(found.count == 1, "\(listing(found))")
        #expect(found.first?.place == "docs/stopped.md:16")
        #expect(found.first?.code == "runbook.drift" && found.first?.step == "three")
        #expect(
            found.first?.message.contains("runbooks/stopped.sh is stale: step three changed") == true,
            "\(listing(found))")
        #expect((object["runbooks"] as? [Any])?.isEmpty == true, "the stale script did not run")
        #expect(!run.stderr.contains("passed"), "\(run.stderr)")

        let drift = try BinaryTests().docket(["runbooks", "--check"], in: project)
        #expect(drift.status == 1)
        #expect(
            drift.stderr.contains("docs/stopped.md:16:1: error: runbooks/stopped.sh is stale: step three changed"),
            "\(drift.stderr)")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aPassingCheckEndsWithItsSummary() throws {
        let project = try project("stopped")
        defer { try? FileManager.default.removeItem(at: project) }
        let fixture = project.appendingPathComponent("runbooks/fixtures/stopped/fixture.yml")
        try "expect:\n  steps:\n    two: failed 1\n    three: skipped\n    four: skipped\n".write(
            to: fixture, atomically: true, encoding: .utf8)
        let run = try BinaryTests().docket(["check", "--strict"], in: project)
        #expect(run.status == 0, "\(run.stderr)")
        let last = run.stderr.split(separator: "\n").last.map(String.init)
        #expect(
            last == "docket check: 1 page, 0 links, 1 runbook run (1 passed, 0 failed); 0 errors, 0 warnings: passed",
            "\(run.stderr)")
    }
}
