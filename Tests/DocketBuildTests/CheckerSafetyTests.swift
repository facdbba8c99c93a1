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
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: root.appendingPathComponent("a/file.env").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a/link").path, withDestinationPath: host.appendingPathComponent("secret.env").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: host.path)
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
        #expect(throws: SandboxFileError.symbolicLink(at: "linked")) { try SandboxFile.read("linked/secret.env", beneath: root) }
        #expect(try SandboxFile.kind(of: "a/link", beneath: root) == .symbolicLink)
        #expect(throws: SandboxFileError.symbolicLink(at: "linked")) { try SandboxFile.kind(of: "linked/secret.env", beneath: root) }
    }

    @Test func pathsThatLeaveTheRootAreRefused() throws {
        let (base, root) = try tree()
        defer { try? FileManager.default.removeItem(at: base) }
        #expect(throws: SandboxFileError.escapes(path: "../host/secret.env")) { try SandboxFile.read("../host/secret.env", beneath: root) }
        #expect(throws: SandboxFileError.escapes(path: "a/../../host/secret.env")) { try SandboxFile.read("a/../../host/secret.env", beneath: root) }
        let absolute = base.appendingPathComponent("host/secret.env").path
        #expect(throws: SandboxFileError.escapes(path: absolute)) { try SandboxFile.read(absolute, beneath: root) }
    }

    @Test func otherKindsAndSizesAreRefusedWithoutBlocking() throws {
        let (base, root) = try tree()
        defer { try? FileManager.default.removeItem(at: base) }
        // A FIFO with no writer: opening it must not wait.
        #expect(throws: SandboxFileError.notAFile(path: "pipe", kind: .namedPipe)) { try SandboxFile.read("pipe", beneath: root) }
        #expect(throws: SandboxFileError.notAFile(path: "a", kind: .directory)) { try SandboxFile.read("a", beneath: root) }
        #expect(throws: SandboxFileError.notADirectory(at: "a/file.env", kind: .file)) { try SandboxFile.read("a/file.env/x", beneath: root) }
        #expect(throws: SandboxFileError.missing(at: "nothing")) { try SandboxFile.read("nothing/x", beneath: root) }
        #expect(throws: SandboxFileError.tooLarge(path: "a/file.env", limit: 4)) { try SandboxFile.read("a/file.env", beneath: root, limit: 4) }
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
        #expect(StepReports(reported: [("one", 0), ("two", 0), ("three", 0)], exitStatus: 0, stepNames: names).problems.isEmpty)
        #expect(StepReports(reported: [("one", 0), ("two", 4)], exitStatus: 4, stepNames: names).problems.isEmpty)
        #expect(StepReports(reported: [("one", 0)], exitStatus: nil, stepNames: names).problems.isEmpty, "a timed-out run")
    }

    @Test func forgedOutcomesAreCaught() {
        let names = ["one", "two", "three"]
        func messages(_ reported: [(name: String, status: Int)], _ exit: Int32?) -> [String] {
            StepReports(reported: reported, exitStatus: exit, stepNames: names).problems.map(\.message)
        }
        #expect(messages([("one", 0), ("two", 0), ("three", 0)], 3) == ["the runbook exited with status 3 although every step reported success"])
        #expect(messages([("one", 0), ("two", 0)], 0) == ["the runbook exited with status 0 although step three reported no outcome"])
        #expect(messages([("one", 0), ("two", 5)], 3) == ["the runbook exited with status 3 although step two reported status 5"])
        #expect(messages([("one", 0), ("one", 3)], 3) == ["step one reported its outcome twice (status 0, then 3)"])
        #expect(messages([("two", 0), ("one", 0), ("three", 0)], 0) == ["step one reported its outcome after step two, which comes later"])
        #expect(messages([("one", 2), ("two", 0)], 2) == ["step two reported an outcome although step one failed before it and the runbook stops there"])
        #expect(messages([("zero", 0), ("one", 0), ("two", 0), ("three", 0)], 0) == ["an outcome was reported for 'zero', which is not a step of this runbook"])
        // The runtime reports a step after everything the step did: its word wins.
        #expect(StepReports(reported: [("one", 0), ("one", 3)], exitStatus: 3, stepNames: names).statuses["one"] == 3)
    }

    @Test func secretNamesAndGeneratedValues() {
        for name in ["NEXTAUTH_SECRET", "AUTHENTIK_SECRET_KEY", "PG_PASS", "DB_PASSWORD", "MYSQL_PWD", "GITHUB_TOKEN", "client_secret", "AWS_ACCESS_KEY", "OPENAI_API_KEY", "TLS_PRIVATE_KEY"] {
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
        try Fixtures.write([
            "start/app/.env": "APP_SECRET=written-by-the-fixture\n",
            "after/app/.env": "APP_SECRET=written-by-the-fixture\nSESSION_SECRET=generated-by-the-run\n",
        ], under: base)
        try FileManager.default.createSymbolicLink(atPath: base.appendingPathComponent("after/link.env").path,
                                                   withDestinationPath: base.appendingPathComponent("host.env").path)
        try "HOST_SECRET=on-the-host-only\n".write(to: base.appendingPathComponent("host.env"), atomically: true, encoding: .utf8)
        let found = GeneratedSecrets.find(in: [base.appendingPathComponent("after")], excluding: [base.appendingPathComponent("start")])
        #expect(found == ["generated-by-the-run"], "a link is not read, the fixture's own value is not a generated secret")
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
