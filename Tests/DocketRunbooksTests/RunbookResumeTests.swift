import Foundation
import Testing

/// Resuming never writes a placeholder: every value a step uses is known before it runs, values
/// a manual step produced are kept for the next run, and steps whose values changed run again.
@Suite struct RunbookResumeTests {
    static let page = """
        ---
        runbook:
          id: sso
          title: SSO
          params:
            APP_DOMAIN: { example: app.example.com, description: App host }
            BOOTSTRAP_EMAIL: { example: admin@example.com, description: Admin mail }
            CLIENT_ID: { example: "<your-client-id>", description: Client id }
            CLIENT_SECRET: { example: "<your-client-secret>", secret: true, description: Client secret }
        ---

        ```env step=admin-env file=out/admin.env
        ADMIN_EMAIL=admin@example.com
        ```

        ```text step=create-provider manual produces=CLIENT_ID,CLIENT_SECRET
        Create a provider for https://app.example.com and write down its id and secret.
        ```

        ```bash step=check-volumes
        mkdir -p out
        if [ -n "${FAIL:-}" ]; then exit 3; fi
        ```

        ```env step=backend-env file=out/backend.env
        AUTH_JWT_AUDIENCE=<your-client-id>
        ```

        ```env step=frontend-env file=out/frontend.env
        AUTHENTIK_CLIENT_ID=<your-client-id>
        AUTHENTIK_CLIENT_SECRET=<your-client-secret>
        ```
        """

    static let given = ["--param", "APP_DOMAIN=meet.corp.test", "--param", "BOOTSTRAP_EMAIL=admin@app.example.com"]
    static let produced = ["--param", "CLIENT_ID=cid-42", "--param", "CLIENT_SECRET=sec-42"]

    private func failedAfterTheManualStep() throws -> ScriptHarness {
        let box = try ScriptHarness(page: Self.page, id: "sso")
        let first = try box.run(Self.given + Self.produced + ["--yes"], environment: ["FAIL": "1"])
        #expect(first.status == 3, "\(first.output)")
        return box
    }

    @Test(arguments: [["--resume"], ["--from", "check-volumes", "--yes"], ["--only", "backend-env"]])
    func continuingUsesTheProducedValues(_ how: [String]) throws {
        let box = try failedAfterTheManualStep()
        let run = try box.run(Self.given + how)
        #expect(run.status == 0, "\(run.output)")
        #expect(box.file("out/backend.env") == "AUTH_JWT_AUDIENCE=cid-42\n")
        if how != ["--only", "backend-env"] {
            #expect(box.file("out/frontend.env") == "AUTHENTIK_CLIENT_ID=cid-42\nAUTHENTIK_CLIENT_SECRET=sec-42\n")
        }
        for file in ["out/backend.env", "out/frontend.env"] { #expect(box.file(file)?.contains("${") != true) }
        // The secret is kept apart from the journal, readable by its owner only.
        #expect(try String(contentsOf: box.journal, encoding: .utf8).contains("sec-42") == false)
        #expect(try String(contentsOf: box.journal, encoding: .utf8).contains("value CLIENT_ID cid-42"))
    }

    @Test func theKeptSecretIsPrivateAndGoneAfterTheLastStep() throws {
        let box = try failedAfterTheManualStep()
        let secrets = box.journal.path + ".secrets"
        let mode = try FileManager.default.attributesOfItem(atPath: secrets)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try box.run(Self.given + ["--resume"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: secrets))
    }

    @Test func anUnknownProducedValueStopsNamingTheStepThatProducesIt() throws {
        let box = try failedAfterTheManualStep()
        try FileManager.default.removeItem(atPath: box.journal.path + ".secrets")
        let only = try box.run(Self.given + ["--only", "frontend-env"])
        #expect(only.status == 2, "\(only.output)")
        #expect(only.stderr.contains("CLIENT_SECRET"), "\(only.stderr)")
        #expect(only.stderr.contains("produced by step create-provider"), "\(only.stderr)")
        #expect(box.file("out/frontend.env") == nil, "nothing was written")
        // --resume runs the manual step again, which needs the value: --yes does not answer it.
        let resumed = try box.run(Self.given + ["--resume", "--yes"])
        #expect(resumed.status == 2, "\(resumed.output)")
        #expect(
            resumed.stderr.contains("step 'create-provider' is done by hand and produces CLIENT_SECRET"),
            "\(resumed.stderr)")
        #expect(box.file("out/frontend.env") == nil)
    }

    @Test func aStepWhoseValuesChangedRunsAgain() throws {
        let box = try ScriptHarness(page: Self.page, id: "sso")
        #expect(try box.run(Self.given + Self.produced + ["--yes"]).status == 0)
        let same = try box.run(Self.given + Self.produced + ["--resume"])
        #expect(same.stdout.contains("admin-env: done in an earlier run, skipped"), "\(same.stdout)")
        let changed = try box.run(
            ["--param", "APP_DOMAIN=meet.corp.test", "--param", "BOOTSTRAP_EMAIL=ops@corp.test", "--resume"]
                + Self.produced)
        #expect(changed.status == 0, "\(changed.output)")
        #expect(changed.stdout.contains("ran earlier with other values: running it again"), "\(changed.stdout)")
        #expect(box.file("out/admin.env") == "ADMIN_EMAIL=ops@corp.test\n")
        #expect(changed.stdout.contains("backend-env: done in an earlier run, skipped"))
    }

    @Test func aValueHoldingAnotherExampleIsNotRewritten() throws {
        let box = try ScriptHarness(page: Self.page, id: "sso")
        let run = try box.run(Self.given + Self.produced + ["--yes"])
        #expect(run.status == 0, "\(run.output)")
        #expect(box.file("out/admin.env") == "ADMIN_EMAIL=admin@app.example.com\n", "not admin@meet.corp.test")
        #expect(run.stdout.contains("Create a provider for https://meet.corp.test and"))
    }
}
