import DocketTestSupport
import Foundation
import Testing

/// The Authentik guide runs unattended up to the browser sign-in: the provider and the
/// application come from a blueprint the runbook writes, and its fixture compares that blueprint
/// with what Reflector expects, so a wrong redirect URI, client type or signing key on the page
/// fails `docket check` at the blueprint's block.
@Suite(.serialized) struct AuthentikUnattendedTests {
    static let guide = "content/guides/authentik.md"

    /// A copy of the project's site, runbooks and fixtures.
    private func copyProject() throws -> URL {
        let temp = Fixtures.temporaryDirectory("docket-authentik")
        for item in ["content", "docket.yml", "runbooks"] {
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent(item), to: temp.appendingPathComponent(item))
        }
        return temp
    }

    @Test func onlyTheBrowserSignInIsManual() throws {
        let manifest = Fixtures.packageRoot.appendingPathComponent("runbooks/authentik.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any]
        let steps = try #require(object?["steps"] as? [[String: Any]])
        let manual = steps.filter { $0["kind"] as? String == "manual" }.compactMap { $0["name"] as? String }
        #expect(manual == ["verify-login"])
        #expect(steps.last?["name"] as? String == "verify-login", "the manual step is the last one")
        let names = steps.compactMap { $0["name"] as? String }
        #expect(names.contains("write-blueprint") && names.contains("apply-blueprint"))
        // The blueprint step writes the block readers see (from=), so its lines are that block's.
        let page = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(Self.guide), encoding: .utf8)
        let lines = page.components(separatedBy: "\n")
        let write = try #require(steps.first { $0["name"] as? String == "write-blueprint" })
        let line = try #require(write["line"] as? Int)
        #expect(lines[line - 1].hasPrefix("```yaml id=reflector-blueprint"), "\(lines[line - 1])")
    }

    /// (what is wrong, the blueprint line on the page, its replacement)
    static let mutations: [(String, String, String)] = [
        ("redirect URI path", "          url: https://app.example.com/api/auth/callback/authentik\n",
         "          url: https://app.example.com/api/auth/callback/authentic\n"),
        ("redirect URI with a trailing slash", "          url: https://app.example.com/api/auth/callback/authentik\n",
         "          url: https://app.example.com/api/auth/callback/authentik/\n"),
        ("redirect URI matching mode", "        - matching_mode: strict\n", "        - matching_mode: regex\n"),
        ("public client type", "      client_type: confidential\n", "      client_type: public\n"),
        ("another signing key", "[name, \"authentik Self-signed Certificate\"]]", "[name, \"authentik Internal Certificate\"]]"),
        ("no signing key", "      signing_key: !Find [authentik_crypto.certificatekeypair, [name, \"authentik Self-signed Certificate\"]]\n", ""),
        ("a scope left out", "        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-email]]\n", ""),
    ]

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"), arguments: mutations.map(\.0))
    func aWrongBlueprintFailsTheCheckAtItsBlock(_ name: String) throws {
        let (_, original, replacement) = Self.mutations.first { $0.0 == name }!
        let project = try copyProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let page = project.appendingPathComponent(Self.guide)
        let text = try String(contentsOf: page, encoding: .utf8)
        #expect(text.components(separatedBy: original).count == 2, "the change must match exactly once: \(original)")
        try text.replacingOccurrences(of: original, with: replacement).write(to: page, atomically: true, encoding: .utf8)
        let blockLine = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("```yaml id=reflector-blueprint") }.map { $0 + 1 }

        let regenerate = try BinaryTests().docket(["runbooks"], in: project)
        #expect(regenerate.status == 0, "the changed guide still extracts: \(regenerate.stderr)")
        let run = try BinaryTests().docket(["check", "--runbook", "authentik", "--json"], in: project)
        #expect(run.status == 1, "\(name) must fail the check")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let errors = (object?["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }
        #expect(errors.contains {
            $0["file"] as? String == Self.guide && $0["line"] as? Int == blockLine
                && ($0["message"] as? String ?? "").contains("~/authentik/blueprints/reflector.yaml")
        }, "\(name): expected an error about the blueprint at \(Self.guide):\(blockLine ?? 0), got \(errors.map { "\($0["line"] ?? ""): \($0["message"] ?? "")" })")
    }

    /// The docker stub checks, when Reflector restarts, that its files hold the client ID and
    /// secret Authentik was given: a step that copies the wrong value fails there.
    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func theAppMustGetTheClientIDAuthentikHas() throws {
        let project = try copyProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let page = project.appendingPathComponent(Self.guide)
        let text = try String(contentsOf: page, encoding: .utf8)
        // The audience written from a fresh random value instead of ~/authentik/.env.
        let original = "printf 'AUTH_JWT_AUDIENCE=%s\\n' \"$client_id\" >> server/.env"
        let replacement = "printf 'AUTH_JWT_AUDIENCE=%s\\n' \"$(openssl rand -hex 20)\" >> server/.env"
        #expect(text.components(separatedBy: original).count == 2, "the change must match exactly once")
        try text.replacingOccurrences(of: original, with: replacement).write(to: page, atomically: true, encoding: .utf8)
        #expect(try BinaryTests().docket(["runbooks"], in: project).status == 0)
        let run = try BinaryTests().docket(["check", "--runbook", "authentik"], in: project)
        #expect(run.status == 1)
        #expect(run.stderr.contains("step restart-app failed"), "\(run.stderr)")
        #expect(run.stderr.contains("AUTH_JWT_AUDIENCE is not the client ID Authentik's provider has"), "\(run.stderr)")
    }
}
