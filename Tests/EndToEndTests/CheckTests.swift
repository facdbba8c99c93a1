import DocketTestSupport
import Foundation
import Testing

/// `docket check` on the project's own Authentik guide: it passes as committed, and each
/// single-command mutation of the guide fails at the line that was changed.
@Suite(.serialized) struct CheckTests {
    static let bwrap = ["/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap"].contains {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let guide = "content/guides/authentik.md"

    @Test(.enabled(if: bwrap, "bwrap is not installed; docket check tests skipped"))
    func theProjectPasses() throws {
        let guide = try GuideCheck("docket-check")
        defer { guide.remove() }
        let project = guide.project
        let junit = project.appendingPathComponent("report.xml")
        let run = try BinaryTests().docket(["check", "--json", "--junit", junit.path], in: project)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["passed"] as? Bool == true)
        let runbook = (object?["runbooks"] as? [[String: Any]])?.first
        let steps = runbook?["steps"] as? [[String: Any]] ?? []
        #expect(steps.count == 18)
        #expect(steps.allSatisfy { $0["outcome"] as? String == "ok" })
        let xml = try String(contentsOf: junit, encoding: .utf8)
        // 18 steps, one case per expectation of the fixture, and the run.
        #expect(
            xml.contains(
                "<testsuite name=\"runbook authentik\" tests=\"\(18 + (runbook?["expectations"] as? [Any] ?? []).count + 1)\" failures=\"0\" skipped=\"0\""
            ), "\(xml.prefix(400))")
        #expect(xml.contains("file=\"content/guides/authentik.md\" line=\"413\""))
    }

    /// (what changes, the text to change, its replacement)
    static let mutations: [(String, String, String)] = [
        ("wrong jq index", "jq -r '.keys[0].x5c[0]' | base64", "jq -r '.keys[1].x5c[0]' | base64"),
        ("missing base64 -d", "| base64 -d | openssl", "| base64 | openssl"),
        ("wrong JWKS path", "/application/o/reflector/jwks/ | \\\n", "/application/o/reflector/keys/ | \\\n"),
        ("wrong blueprint path", "ak apply_blueprint custom/reflector.yaml", "ak apply_blueprint reflector.yaml"),
        ("wrong backend setting", "AUTH_BACKEND=jwt\n", "AUTH_BACKEND=token\n"),
        (
            "shorter secret", "keep_or_add \"PG_PASS=$(openssl rand -base64 36",
            "keep_or_add \"PG_PASS=$(openssl rand -base64 30"
        ),
        ("service left out of the restart", "--force-recreate server worker web", "--force-recreate server worker"),
        (
            "wrong Caddy upstream", "    reverse_proxy authentik-server-1:9000",
            "    reverse_proxy authentik-server-1:9443"
        ),
    ]

    @Test(.enabled(if: bwrap, "bwrap is not installed; docket check tests skipped"), arguments: mutations.map(\.0))
    func aMutationFailsAtItsLine(_ name: String) throws {
        let (_, original, replacement) = Self.mutations.first { $0.0 == name }!
        let guide = try GuideCheck("docket-check")
        defer { guide.remove() }
        let line = try guide.change(Self.guide, original, to: replacement)
        let regenerate = try guide.regenerate()
        #expect(regenerate.status == 0, "the mutated guide still extracts: \(regenerate.stderr)")
        let (run, found) = try guide.check("authentik")
        #expect(run.status == 1, "\(name) must fail the check")
        #expect(
            found.contains { $0.file == Self.guide && $0.line == line },
            "\(name): expected an error at \(Self.guide):\(line), got:\n\(found.map(\.description).joined(separator: "\n"))"
        )
    }

    /// Secrets the runbook generates (PG_PASS, AUTHENTIK_SECRET_KEY, NEXTAUTH_SECRET) are masked
    /// in the file excerpts of both reports when a mutation makes the check show those files.
    @Test(.enabled(if: bwrap, "bwrap is not installed; docket check tests skipped"))
    func generatedSecretsAreMaskedInReports() throws {
        let guide = try GuideCheck("docket-check")
        defer { guide.remove() }
        let project = guide.project
        let page = project.appendingPathComponent(Self.guide)
        var text = try String(contentsOf: page, encoding: .utf8)
        // The first shows ~/authentik/.env (a pattern of PG_PASS fails), the second
        // ~/reflector/www/.env (a line the fixture expects is missing, no similar line).
        for (original, replacement) in [
            ("keep_or_add \"PG_PASS=$(openssl rand -base64 36", "keep_or_add \"PG_PASS=$(openssl rand -base64 30"),
            ("FEATURE_REQUIRE_LOGIN=true\n", "FEATURE_REQUIRES_LOGIN=true\n"),
        ] {
            #expect(
                text.components(separatedBy: original).count == 2, "the mutation must match exactly once: \(original)")
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        try text.write(to: page, atomically: true, encoding: .utf8)
        #expect(try BinaryTests().docket(["runbooks"], in: project).status == 0)
        let run = try BinaryTests().docket(["check", "--runbook", "authentik", "--json", "--keep"], in: project)
        #expect(run.status == 1)
        let kept = run.stderr.split(separator: "\n").first { $0.contains("sandbox kept at ") }
        let folder = try #require(kept.map { String($0.split(separator: " ")[3]) })
        defer { Self.discardKept(folder) }

        func value(_ key: String, in file: String) throws -> String {
            let text = try String(contentsOfFile: folder + "/home/" + file, encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(key + "=") })
            return String(line.dropFirst(key.count + 1))
        }
        let secrets = [
            try value("PG_PASS", in: "authentik/.env"), try value("AUTHENTIK_SECRET_KEY", in: "authentik/.env"),
            try value("NEXTAUTH_SECRET", in: "reflector/www/.env"),
        ]
        #expect(secrets.allSatisfy { $0.count >= 40 }, "\(secrets)")
        for secret in secrets {
            #expect(!run.stdout.contains(secret), "the JSON report shows a generated secret")
            #expect(!run.stderr.contains(secret), "the human report shows a generated secret")
        }
        // The excerpts were shown, with the values masked.
        for masked in ["PG_PASS=********", "AUTHENTIK_SECRET_KEY=********", "NEXTAUTH_SECRET=********"] {
            #expect(run.stdout.contains(masked) && run.stderr.contains(masked), "\(masked) not in the reports")
        }
    }

    /// Removes a sandbox folder kept with --keep, unmounting its tmpfs first when docket made
    /// one (as root).
    static func discardKept(_ folder: String) {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [folder]
        umount.standardError = FileHandle.nullDevice
        if (try? umount.run()) != nil { umount.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test(.enabled(if: bwrap, "bwrap is not installed; docket check tests skipped"))
    func aRunbookWithoutFixtureIsUncheckedAndStrictMakesItAnError() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(["docs/hello.md": RunbookCommandTests.page], under: temp)
        #expect(try BinaryTests().docket(["runbooks"], in: temp).status == 0)
        let lenient = try BinaryTests().docket(["check"], in: temp)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("warning: runbook hello is unchecked"))
        #expect(try BinaryTests().docket(["check", "--strict"], in: temp).status == 1)
    }

    @Test(.enabled(if: bwrap, "bwrap is not installed; docket check tests skipped"))
    func keepLeavesTheSandboxAndGithubAnnotationsAreLocated() throws {
        let guide = try GuideCheck("docket-check")
        defer { guide.remove() }
        let project = guide.project
        let page = project.appendingPathComponent(Self.guide)
        let text = try String(contentsOf: page, encoding: .utf8)
        let mutated = text.replacingOccurrences(of: "AUTH_BACKEND=jwt\n", with: "AUTH_BACKEND=token\n")
        try mutated.write(to: page, atomically: true, encoding: .utf8)
        let line = mutated.components(separatedBy: "AUTH_BACKEND=token\n")[0].filter { $0 == "\n" }.count + 1
        _ = try BinaryTests().docket(["runbooks"], in: project)
        let process = try BinaryTests().docket(
            ["check", "--keep"], in: project, environment: ["GITHUB_ACTIONS": "true"])
        #expect(process.status == 1)
        #expect(process.stderr.contains("::error file=content/guides/authentik.md,line=\(line),"), "\(process.stderr)")
        #expect(!process.stdout.contains("::error"), "annotations go to standard error")
        // Every run's folder is kept and named (gpu-server passes, so it runs twice).
        let kept = process.stderr.split(separator: "\n").filter { $0.contains("sandbox kept at ") }
            .map { String($0.split(separator: " ")[3]) }
        defer { kept.forEach(Self.discardKept) }
        #expect(kept.count == 3, "\(process.stderr)")
        let folder = try #require(kept.first)
        #expect(FileManager.default.fileExists(atPath: folder + "/home/reflector/server/.env"))
    }
}

/// A small runbook with a fixture that uses declarative stubs, extra host names, call patterns
/// and output expectations.
@Suite struct FixtureFeatureTests {
    static let page = """
        ---
        runbook:
          id: ping
          title: Ping the API
          params:
            API: { example: api.example.com }
        ---

        ```bash step=restart
        systemctl restart app
        systemctl is-active app
        ```

        ```bash step=ping
        curl -fsS https://api.example.com/ping
        curl -s -o /dev/null -w 'other %{http_code}\\n' https://unknown.fixture.test/
        ```
        """

    static let fixture = """
        params: { API: api.fixture.test }
        hosts: [unknown.fixture.test]
        unrouted: allow
        http:
          - url: https://api.fixture.test/ping
            body: http/pong.txt
        stubs:
          systemctl:
            - args: is-active app
              stdout: "active\\n"
            - match: "^restart "
              creates: { "~/restarted": "yes" }
        expect:
          calls:
            - match: "^systemctl restart [a-z]+$"
            - systemctl is-active app
          files:
            ~/restarted: { contains: ["yes"] }
          output:
            contains: ["pong", "active", "other 404"]
          requests:
            - GET https://api.fixture.test/ping
        """

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func declarativeStubsHostsAndPatterns() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(
            [
                "docs/ping.md": Self.page,
                "runbooks/fixtures/ping/fixture.yml": Self.fixture,
                "runbooks/fixtures/ping/http/pong.txt": "pong\n",
            ], under: temp)
        #expect(try BinaryTests().docket(["runbooks"], in: temp).status == 0)
        let run = try BinaryTests().docket(["check", "--strict"], in: temp)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("runbook ping: passed (2/2 steps"))

        // The same fixture against a page that restarts the wrong service fails at that line.
        try Fixtures.write(
            [
                "docs/ping.md": Self.page.replacingOccurrences(
                    of: "systemctl restart app", with: "systemctl restart App")
            ], under: temp)
        #expect(try BinaryTests().docket(["runbooks"], in: temp).status == 0)
        let broken = try BinaryTests().docket(["check"], in: temp)
        #expect(broken.status == 1)
        #expect(
            broken.stderr.contains(
                "docs/ping.md:10:1: error: runbook ping: the fixture expects a call matching '^systemctl restart [a-z]+$'"
            ), "\(broken.stderr)")
    }
}

/// shellcheck findings on runbook steps are reported at page lines.
@Suite struct ShellCheckTests {
    @Test(
        .enabled(
            if: ["/usr/bin/shellcheck", "/bin/shellcheck"].contains {
                FileManager.default.isExecutableFile(atPath: $0)
            }, "shellcheck is not installed"))
    func findingsAreMappedToPageLines() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(
            ["docs/s.md": "---\nrunbook: { id: s, title: S }\n---\n\n```bash step=one\necho start\nlocal x=1\n```\n"],
            under: temp)
        let run = try BinaryTests().docket(["runbooks"], in: temp)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "docs/s.md:7:1: error: shellcheck (step one): 'local' is only valid in functions. [SC2168]"),
            "\(run.stderr)")
    }
}
