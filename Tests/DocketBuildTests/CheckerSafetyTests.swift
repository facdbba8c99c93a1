import DocketDiagnostics
import DocketTestSupport
import Foundation
import Testing

@testable import DocketChecks
@testable import DocketSandbox

/// The checker's reading of what a run leaves (`SandboxFile`, `SandboxFileTree`), its
/// cross-check of step outcomes (`StepReports`), the secrets it masks (`GeneratedSecrets`) and
/// the parameters file it writes.
@Suite struct CheckerSafetyTests {
    /// `root/` with `a/file.env` (mode 640), `a/link` → a host file, `linked` → a host folder,
    /// `pipe` (a FIFO), and the host folder beside it holding `secret.env`.
    private func tree() throws -> (base: URL, root: URL) {
        let base = Fixtures.temporaryDirectory("docket-sandbox-file")
        let root = base.appendingPathComponent("root"), host = base.appendingPathComponent("host")
        try Fixtures.write(["root/a/file.env": "KEY=value\n", "host/secret.env": "KEY=host-secret\n"], under: base)
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o640], ofItemAtPath: root.appendingPathComponent("a/file.env").path)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("a/link").path,
            withDestinationPath: host.appendingPathComponent("secret.env").path)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("linked").path, withDestinationPath: host.path)
        #expect(mkfifo(root.appendingPathComponent("pipe").path, 0o600) == 0)
        return (base, root)
    }

    @Test func aFileIsReadWithItsMode() throws {
        let (base, root) = try tree()
        defer { try? FileManager.default.removeItem(at: base) }
        let file = try SandboxFile.read("a/file.env", beneath: root)
        #expect(file.text == "KEY=value\n")
        #expect(file.mode & 0o777 == 0o640)
        #expect(try SandboxFile.read("./a//file.env", beneath: root).text == "KEY=value\n")
    }

    @Test func linksAreNeverFollowed() throws {
        let (base, root) = try tree()
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(throws: SandboxFileError.symbolicLink(at: "a/link")) { try SandboxFile.read("a/link", beneath: root) }
        #expect(throws: SandboxFileError.symbolicLink(at: "linked")) {
            try SandboxFile.read("linked/secret.env", beneath: root)
        }
        #expect(try SandboxFile.kind(of: "a/link", beneath: root) == .symbolicLink)
        #expect(throws: SandboxFileError.symbolicLink(at: "linked")) {
            try SandboxFile.kind(of: "linked/secret.env", beneath: root)
        }
    }

    @Test func pathsThatLeaveTheRootAreRefused() throws {
        let (base, root) = try tree()
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(throws: SandboxFileError.escapes(path: "../host/secret.env")) {
            try SandboxFile.read("../host/secret.env", beneath: root)
        }
        #expect(throws: SandboxFileError.escapes(path: "a/../../host/secret.env")) {
            try SandboxFile.read("a/../../host/secret.env", beneath: root)
        }
        let absolute = base.appendingPathComponent("host/secret.env").path
        #expect(throws: SandboxFileError.escapes(path: absolute)) { try SandboxFile.read(absolute, beneath: root) }
    }

    @Test func otherKindsAndSizesAreRefusedWithoutBlocking() throws {
        let (base, root) = try tree()
        defer { try? FileManager.default.removeItem(at: base) }
        // A FIFO with no writer: opening it must not wait.
        #expect(throws: SandboxFileError.notAFile(path: "pipe", kind: .namedPipe)) {
            try SandboxFile.read("pipe", beneath: root)
        }
        #expect(throws: SandboxFileError.notAFile(path: "a", kind: .directory)) {
            try SandboxFile.read("a", beneath: root)
        }
        #expect(throws: SandboxFileError.notADirectory(at: "a/file.env", kind: .file)) {
            try SandboxFile.read("a/file.env/x", beneath: root)
        }
        #expect(throws: SandboxFileError.missing(at: "nothing")) { try SandboxFile.read("nothing/x", beneath: root) }
        #expect(throws: SandboxFileError.tooLarge(path: "a/file.env", limit: 4)) {
            try SandboxFile.read("a/file.env", beneath: root, limit: 4)
        }
        #expect(try SandboxFile.kind(of: "nothing/x", beneath: root) == nil)
    }

    @Test func aTreeListsLinksWithoutEnteringThem() throws {
        let (base, root) = try tree()
        defer { try? FileManager.default.removeItem(at: base) }
        let tree = try SandboxFileTree.list(beneath: root)
        #expect(tree.entries.map(\.path) == ["a", "a/file.env", "a/link", "linked", "pipe"])
        #expect(tree.entries.first { $0.path == "linked" }?.linkTarget == base.appendingPathComponent("host").path)
        #expect(!tree.truncated)
        #expect(try SandboxFileTree.list(beneath: root, limit: 2).truncated)
    }

    @Test func outcomesAgreeingWithTheExitStatusPass() {
        let names = ["one", "two", "three"]
        #expect(
            StepReports(reported: [("one", 0), ("two", 0), ("three", 0)], exitStatus: 0, stepNames: names).problems
                .isEmpty)
        #expect(StepReports(reported: [("one", 0), ("two", 4)], exitStatus: 4, stepNames: names).problems.isEmpty)
        #expect(
            StepReports(reported: [("one", 0)], exitStatus: nil, stepNames: names).problems.isEmpty, "a timed-out run")
    }

    @Test func forgedOutcomesAreCaught() {
        let names = ["one", "two", "three"]
        func messages(_ reported: [(name: String, status: Int)], _ exit: Int32?) -> [String] {
            StepReports(reported: reported, exitStatus: exit, stepNames: names).problems.map(\.message)
        }
        #expect(
            messages([("one", 0), ("two", 0), ("three", 0)], 3) == [
                "the runbook exited with status 3 although every step reported success"
            ])
        #expect(
            messages([("one", 0), ("two", 0)], 0) == [
                "the runbook exited with status 0 although step three reported no outcome"
            ])
        #expect(
            messages([("one", 0), ("two", 5)], 3) == [
                "the runbook exited with status 3 although step two reported status 5"
            ])
        #expect(messages([("one", 0), ("one", 3)], 3) == ["step one reported its outcome twice (status 0, then 3)"])
        #expect(
            messages([("two", 0), ("one", 0), ("three", 0)], 0) == [
                "step one reported its outcome after step two, which comes later"
            ])
        #expect(
            messages([("one", 2), ("two", 0)], 2) == [
                "step two reported an outcome although step one failed before it and the runbook stops there"
            ])
        #expect(
            messages([("zero", 0), ("one", 0), ("two", 0), ("three", 0)], 0) == [
                "an outcome was reported for 'zero', which is not a step of this runbook"
            ])
        // The runtime reports a step after everything the step did: its word wins.
        #expect(StepReports(reported: [("one", 0), ("one", 3)], exitStatus: 3, stepNames: names).statuses["one"] == 3)
    }

    @Test func secretNamesAndGeneratedValues() {
        for name in [
            "NEXTAUTH_SECRET", "AUTHENTIK_SECRET_KEY", "PG_PASS", "DB_PASSWORD", "MYSQL_PWD", "GITHUB_TOKEN",
            "client_secret", "AWS_ACCESS_KEY", "OPENAI_API_KEY", "TLS_PRIVATE_KEY",
        ] {
            #expect(GeneratedSecrets.isSecretName(name), "\(name)")
        }
        for name in ["AUTHENTIK_REFRESH_TOKEN_URL", "AUTH_JWT_PUBLIC_KEY", "SITE_URL", "PASSPORT_OFFICE", "KEY"] {
            #expect(!GeneratedSecrets.isSecretName(name), "\(name)")
        }
        let text = """
            NEXTAUTH_SECRET=0123456789abcdef
            export API_TOKEN="quoted-token-1"
              DB_PASSWORD = 'spaced-pass'
            SHORT_SECRET=abc
            PG_PASS=$(openssl rand -base64 36)
            CLIENT_SECRET=<your-client-secret>
            SITE_URL=https://app.example.com
            """
        #expect(GeneratedSecrets.secretValues(in: text) == ["0123456789abcdef", "quoted-token-1", "spaced-pass"])
    }

    @Test func generatedSecretsExcludeTheFixturesOwnValues() throws {
        let base = Fixtures.temporaryDirectory("docket-secrets")
        defer { try? FileManager.default.removeItem(at: base) }
        try Fixtures.write(
            [
                "start/app/.env": "APP_SECRET=written-by-the-fixture\n",
                "after/app/.env": "APP_SECRET=written-by-the-fixture\nSESSION_SECRET=generated-by-the-run\n",
            ], under: base)
        try FileManager.default.createSymbolicLink(
            atPath: base.appendingPathComponent("after/link.env").path,
            withDestinationPath: base.appendingPathComponent("host.env").path)
        try "HOST_SECRET=on-the-host-only\n".write(
            to: base.appendingPathComponent("host.env"), atomically: true, encoding: .utf8)
        let found = GeneratedSecrets.find(
            in: [base.appendingPathComponent("after")], excluding: [base.appendingPathComponent("start")])
        #expect(
            found == ["generated-by-the-run"], "a link is not read, the fixture's own value is not a generated secret")
    }

    @Test func theParametersFileCarriesValuesVerbatim() {
        #expect(RunbookCheck.paramsFileValue("plain-value") == "plain-value")
        #expect(RunbookCheck.paramsFileValue("a=b c$d'e") == "a=b c$d'e")
        #expect(RunbookCheck.paramsFileValue("") == "")
        #expect(RunbookCheck.paramsFileValue("  lead") == "\"  lead\"")
        #expect(RunbookCheck.paramsFileValue("'quoted'") == "\"'quoted'\"")
        #expect(RunbookCheck.paramsFileValue("x #not a comment") == "\"x #not a comment\"")
        #expect(RunbookCheck.paramsFileValue("\"$HOME\\n` ") == "\"\\\"\\$HOME\\\\n\\` \"")
        #expect(RunbookCheck.paramsFileText([("A", "1"), ("B", " 2")]) == "A=1\nB=\" 2\"\n")
    }
}

/// The fixture schema, its reference table, located unknown keys, and what the report makes of
/// warnings, codes and the summary.
@Suite struct CheckReportTests {
    @Test func theReferencePageShowsTheSchemaTable() throws {
        let page = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("content/reference/checks.md"), encoding: .utf8)
        let start = try #require(page.range(of: "<!-- fixture-schema:start -->\n"))
        let end = try #require(page.range(of: "<!-- fixture-schema:end -->"))
        let table = String(page[start.upperBound..<end.lowerBound])
        #expect(
            table == FixtureSchema.fixture.markdownTable,
            "content/reference/checks.md is stale: replace its table with `docket check --print-fixture-schema`")
        #expect(table.contains("| `expect.files.<path>.contains` | list of strings |"))
        #expect(table.contains("| `unrouted` |"))
    }

    private func load(_ text: String) throws -> (Fixture?, [Diagnostic]) {
        let base = Fixtures.temporaryDirectory("docket-schema")
        defer { try? FileManager.default.removeItem(at: base) }
        try Fixtures.write(["f/fixture.yml": text], under: base)
        let (fixture, diagnostics) = FixtureLoader.load(folder: base.appendingPathComponent("f"), displayFolder: "fx")
        return (fixture, diagnostics.all)
    }

    @Test func unknownKeysAtAnyDepthAreLocatedErrors() throws {
        let (_, found) = try load(
            """
            expects:
              files: {}
            limits: { procesess: 20 }
            http:
              - { url: "https://a.test/", bodyy: x }
            stubs:
              systemctl:
                - { args: x, stdot: "y" }
            unrouted: allow
            """)
        let lines = found.map { "\($0.location) \($0.code ?? "-") \($0.message)" }
        #expect(found.allSatisfy { $0.severity == .error && $0.code == "fixture.unknown-key" }, "\(lines)")
        for expected in [
            "fx/fixture.yml:1:1 fixture.unknown-key unknown fixture key 'expects' (did you mean 'expect'?)",
            "fx/fixture.yml:3:11 fixture.unknown-key unknown key under limits 'procesess' (did you mean 'processes'?)",
            "fx/fixture.yml:5:31 fixture.unknown-key unknown key under http[] 'bodyy' (did you mean 'body'?)",
            "fx/fixture.yml:8:18 fixture.unknown-key unknown key under stubs.systemctl[] 'stdot' (did you mean 'stdout'?)",
        ] {
            #expect(
                lines.contains { $0.hasPrefix(expected) }, "missing \(expected)\ngot:\n\(lines.joined(separator: "\n"))"
            )
        }
        #expect(found.count == 4)
    }

    @Test func valuesOfTheWrongShapeAreErrorsNotDroppedChecks() throws {
        let (_, found) = try load(
            """
            stubs:
              systemctl: "active"
              docker:
                - just text
            expect:
              steps:
                one: [ok]
              files:
                ~/a.env: "KEY=value"
              calls: docker compose up
              requests:
                - https://a.test/only-a-url
              output: "pong"
            """)
        let lines = found.map { "\($0.location.line) \($0.message)" }
        #expect(
            lines == [
                "2 the stub 'systemctl' is a list of answers {args|match, stdout, stderr, status, creates}",
                "4 an answer of the stub 'docker' is a mapping {args|match, stdout, stderr, status, creates}",
                "7 a step outcome is ok, failed, 'failed N' or skipped",
                "9 the checks of ~/a.env are a mapping (contains, matches, mode, same_as, …)",
                "10 'expect.calls' must be a list",
                "12 a request is 'METHOD URL', as GET https://host/path",
                "13 'expect.output' must be a mapping",
            ], "\(lines.joined(separator: "\n"))")
    }

    @Test func unroutedTakesErrorOrAllow() throws {
        #expect(try load("unrouted: allow\n").0?.unroutedAllowed == true)
        #expect(try load("{}\n").0?.unroutedAllowed == false)
        let (_, found) = try load("unrouted: sometimes\n")
        #expect(
            found.map(\.message) == [
                "'unrouted' is error (the default: a request no route answers fails the check) or allow, not 'sometimes'"
            ])
    }

    @Test func suggestionsOnlyForCloseNames() {
        #expect(Suggestion.closest(to: "timout", in: ["timeout", "step_timeout"]) == "timeout")
        #expect(Suggestion.closest(to: "contain", in: ["contains", "not_contains"]) == "contains")
        #expect(Suggestion.closest(to: "zzz", in: ["expect", "params"]) == nil)
        #expect(Suggestion.hint(for: "banana", in: ["expect"]) == "")
    }

    @Test func theCodeIsDataNotPrinted() {
        let d = Diagnostic(
            .error, at: SourceLocation(path: "a.md", line: 3, column: 1), "broken", code: "request.unrouted",
            step: "fetch")
        #expect(d.description == "a.md:3:1: error: broken")
        #expect(d.code == "request.unrouted" && d.step == "fetch")
    }

    @Test func strictFailsOnAWarningAndTheSummarySaysSo() {
        var report = CheckReport()
        report.pages = 2
        report.links = 1
        report.lint.append(
            Diagnostic(
                .warning, at: SourceLocation(path: "a.md", line: 4, column: 1),
                "shellcheck (step x): quote this [SC2086]", code: "shellcheck.SC2086"))
        #expect(!report.failed)
        #expect(report.summary == "docket check: 2 pages, 1 link, 0 runbooks run; 0 errors, 1 warning: passed")
        report.strict = true
        #expect(report.failed)
        #expect(
            report.summary
                == "docket check: 2 pages, 1 link, 0 runbooks run; 0 errors, 1 warning: FAILED (--strict: warnings fail)"
        )
        #expect(report.junit.contains("type=\"shellcheck.SC2086\""))
        #expect(report.json.contains("\"code\" : \"shellcheck.SC2086\""))
    }

    @Test func statusEventsAreReadAsDataWithTheOlderLinesAsFallback() {
        let lines = [
            #"{"event":"start","step":"fetch","time":100.5}"#,
            #"{"event":"end","step":"fetch","status":5,"time":102.0,"line":361,"pipestatus":[0,5,0],"missing":["KEY=v"],"later":"ignored"}"#,
            "prepare 0",
            "DOCKET-EXIT 5 extra",
            #"{"event":"end","step":"x"}"#,
            "{not json",
            #"{"event":"paused","step":"x","status":0}"#,
        ]
        let events = lines.compactMap(StatusEvent.parse)
        #expect(
            events == [
                StatusEvent(event: .start, step: "fetch", time: 100.5),
                StatusEvent(
                    event: .end, step: "fetch", status: 5, time: 102.0, line: 361, pipestatus: [0, 5, 0],
                    missing: ["KEY=v"]),
                StatusEvent(event: .end, step: "prepare", status: 0),
            ])
        let timeline = StepTimeline(events)
        #expect(timeline.reported.map(\.name) == ["fetch", "prepare"])
        #expect(timeline.end(of: "fetch")?.line == 361)
        #expect(timeline.step(at: 101) == "fetch")
        #expect(timeline.step(at: 100) == nil, "no step was running then")
        #expect(timeline.step(at: 103) == "fetch", "the last step's window is open to the end of the run")
        #expect(timeline.isTyped)
        #expect(!StepTimeline([StatusEvent(event: .end, step: "a", status: 0)]).isTyped)
    }
}
