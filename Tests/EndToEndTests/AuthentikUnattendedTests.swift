import DocketTestSupport
import Foundation
import Testing

/// The Authentik guide runs unattended up to the browser sign-in: the provider and the
/// application come from a blueprint the runbook writes, and its fixture compares that blueprint
/// with what Reflector expects, so a wrong redirect URI, client type or signing key on the page
/// fails `docket check` at the blueprint's block.
@Suite(.serialized) struct AuthentikUnattendedTests {
    static let guide = "content/guides/authentik.md"

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
        (
            "redirect URI path", "          url: https://app.example.com/api/auth/callback/authentik\n",
            "          url: https://app.example.com/api/auth/callback/authentic\n"
        ),
        (
            "redirect URI with a trailing slash",
            "          url: https://app.example.com/api/auth/callback/authentik\n",
            "          url: https://app.example.com/api/auth/callback/authentik/\n"
        ),
        ("redirect URI matching mode", "        - matching_mode: strict\n", "        - matching_mode: regex\n"),
        ("public client type", "      client_type: confidential\n", "      client_type: public\n"),
        (
            "another signing key", "[name, \"authentik Self-signed Certificate\"]]",
            "[name, \"authentik Internal Certificate\"]]"
        ),
        (
            "no signing key",
            "      signing_key: !Find [authentik_crypto.certificatekeypair, [name, \"authentik Self-signed Certificate\"]]\n",
            ""
        ),
        (
            "a scope left out",
            "        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-email]]\n",
            ""
        ),
    ]

    @Test(
        .enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"),
        arguments: mutations.map(\.0))
    func aWrongBlueprintFailsTheCheckAtItsBlock(_ name: String) throws {
        let (_, original, replacement) = Self.mutations.first { $0.0 == name }!
        let guide = try GuideCheck("docket-authentik")
        defer { guide.remove() }
        let text = try String(contentsOf: guide.project.appendingPathComponent(Self.guide), encoding: .utf8)
        let blockLine = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("```yaml id=reflector-blueprint") }
            .map { $0 + 1 }
        try guide.change(Self.guide, original, to: replacement)
        let regenerate = try guide.regenerate()
        #expect(regenerate.status == 0, "the changed guide still extracts: \(regenerate.stderr)")
        let (run, errors) = try guide.check("authentik")
        #expect(run.status == 1, "\(name) must fail the check")
        // The error is at the blueprint's block, whatever line the change is on.
        #expect(
            errors.contains {
                $0.file == Self.guide && $0.line == blockLine
                    && $0.message.contains("~/authentik/blueprints/reflector.yaml")
            },
            "\(name): expected an error about the blueprint at \(Self.guide):\(blockLine ?? 0), got \(errors.map(\.description))"
        )
    }

    /// The docker stub checks, when Reflector restarts, that its files hold the client ID and
    /// secret Authentik was given: a step that copies the wrong value fails there.
    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func theAppMustGetTheClientIDAuthentikHas() throws {
        let guide = try GuideCheck("docket-authentik")
        defer { guide.remove() }
        let project = guide.project
        let page = project.appendingPathComponent(Self.guide)
        let text = try String(contentsOf: page, encoding: .utf8)
        // The audience written from a fresh random value instead of ~/authentik/.env.
        let original = "printf 'AUTH_JWT_AUDIENCE=%s\\n' \"$client_id\" >> server/.env"
        let replacement = "printf 'AUTH_JWT_AUDIENCE=%s\\n' \"$(openssl rand -hex 20)\" >> server/.env"
        #expect(text.components(separatedBy: original).count == 2, "the change must match exactly once")
        try text.replacingOccurrences(of: original, with: replacement).write(
            to: page, atomically: true, encoding: .utf8)
        #expect(try BinaryTests().docket(["runbooks"], in: project).status == 0)
        let run = try BinaryTests().docket(["check", "--runbook", "authentik"], in: project)
        #expect(run.status == 1)
        #expect(run.stderr.contains("step restart-app failed"), "\(run.stderr)")
        #expect(run.stderr.contains("AUTH_JWT_AUDIENCE is not the client ID Authentik's provider has"), "\(run.stderr)")
    }
}
