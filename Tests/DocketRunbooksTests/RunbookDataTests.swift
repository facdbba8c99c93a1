import Foundation
import Testing

/// Values are data in every file they reach, patterns match whole values, secrets stay private
/// and the runtime's plumbing does not use the operator's PATH.
@Suite struct RunbookDataTests {
    static let page = """
        ---
        runbook:
          id: data
          title: Data
          params:
            HOST: { example: host.example.com, pattern: '[a-z.]+', description: Host }
            NOTE: { example: a-note, description: Free text }
            PASSWORD: { example: ExamplePassword1, secret: true, description: Password }
        ---

        ```env step=settings file=out/app.env
        APP_HOST=host.example.com
        APP_NOTE=a-note
        ```

        ```env step=secrets file=out/secret.env
        APP_PASSWORD=ExamplePassword1
        ```

        ```env step=generated file=out/generated.env
        NEXTAUTH_URL=https://host.example.com
        NEXTAUTH_SECRET=generate-me
        ```

        ```env step=public file=out/public.env
        AUTH_JWT_PUBLIC_KEY=host.example.com.pem
        ```

        ```bash step=show
        echo "password is ExamplePassword1"
        ```
        """

    static let good = ["--param", "HOST=h.acme.test", "--param", "NOTE=plain", "--param", "PASSWORD=pw-secret-9"]

    @Test func envValuesStayDataWhenTheFileIsSourced() throws {
        let box = try ScriptHarness(page: Self.page, id: "data")
        let marker = box.home.appendingPathComponent("pwned").path
        let note = "two words $(touch \(marker)) `touch \(marker)` ${HOME}; touch \(marker)"
        let run = try box.run([
            "--param", "HOST=h.acme.test", "--param", "NOTE=\(note)", "--param", "PASSWORD=it's a (x) & y",
        ])
        #expect(run.status == 0, "\(run.output)")
        let sourced = Process()
        sourced.executableURL = URL(fileURLWithPath: "/bin/bash")
        sourced.arguments = [
            "-c", "set -a; . out/app.env; . out/secret.env; printf '%s\\n%s' \"$APP_NOTE\" \"$APP_PASSWORD\"",
        ]
        sourced.currentDirectoryURL = box.home
        let pipe = Pipe()
        sourced.standardOutput = pipe
        try sourced.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sourced.waitUntilExit()
        #expect(text == note + "\nit's a (x) & y", "\(text)")
        #expect(!FileManager.default.fileExists(atPath: marker), "nothing in a value ran")
    }

    @Test func aValueThatCannotBeWrittenSafelyIsRefusedBeforeAnyStep() throws {
        let box = try ScriptHarness(page: Self.page, id: "data")
        let run = try box.run(["--param", "HOST=h.acme.test", "--param", "NOTE=it's $HOME", "--param", "PASSWORD=x"])
        #expect(run.status == 2, "\(run.output)")
        #expect(run.stderr.contains("the value of NOTE cannot be written into out/app.env"), "\(run.stderr)")
        #expect(box.file("out/app.env") == nil)
    }

    @Test func patternsMatchTheWholeValue() throws {
        let box = try ScriptHarness(page: Self.page, id: "data")
        let run = try box.run(["--param", "HOST=h.acme.test/../x", "--param", "NOTE=n", "--param", "PASSWORD=x"])
        #expect(run.status == 2)
        #expect(
            run.stderr.contains("parameter HOST: the value does not match [a-z.]+ (the whole value must match)"),
            "\(run.stderr)")
    }

    @Test func filesReceivingSecretsArePrivateOrNamed() throws {
        let box = try ScriptHarness(page: Self.page, id: "data")
        try box.write("out/secret.env", "OTHER=1\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: box.home.appendingPathComponent("out/secret.env").path)
        try box.write("out/public.env", "OTHER=1\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: box.home.appendingPathComponent("out/public.env").path)
        let run = try box.run(Self.good)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("out/secret.env holds a secret but its mode is 644"), "\(run.output)")
        #expect(!run.output.contains("public.env holds a secret"), "a public key is no secret")
        #expect(box.mode("out/generated.env") == 0o600, "NEXTAUTH_SECRET is a secret by its name")
        #expect(box.mode("out/app.env") != 0o600)
        // The log lives next to the journal, private, secrets masked.
        let log = try #require(box.file(".local/state/docket/data.log"))
        #expect(box.mode(".local/state/docket/data.log") == 0o600)
        #expect(box.mode(".local/state/docket/data.journal") == 0o600)
        #expect(log.contains("password is ********") && !log.contains("pw-secret-9"), "\(log)")
        #expect(box.file("data.runbook.log") == nil, "no log in the current folder")
    }

    @Test func hostileToolsOnThePathDoNotCaptureThePlumbing() throws {
        let box = try ScriptHarness(page: Self.page, id: "data")
        let bin = box.home.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let caught = box.home.appendingPathComponent("caught").path
        for tool in [
            "tee", "sed", "awk", "cat", "mktemp", "timeout", "sleep", "mkfifo", "chmod", "rm", "mv", "date", "grep",
            "stat", "sha256sum", "bash", "mkdir",
        ] {
            let path = bin.appendingPathComponent(tool).path
            try "#!/bin/sh\necho HOSTILE-\(tool) >>\(caught)\nexit 0\n".write(
                toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        let run = try box.run(Self.good, environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.output)")
        #expect(
            !FileManager.default.fileExists(atPath: caught),
            "\((try? String(contentsOfFile: caught, encoding: .utf8)) ?? "")")
        #expect(run.stdout.contains("password is ********"), "masking still works: \(run.stdout)")
        #expect(!run.stdout.contains("pw-secret-9"))
        #expect(box.file("out/app.env") == "APP_HOST=h.acme.test\nAPP_NOTE=plain\n")
    }
}

/// The runtime hands values to its own tools through the environment or standard input: no
/// process of the run shows a secret on its command line (where `ps` shows it to every user).
@Suite struct RunbookCommandLineTests {
    @Test func noProcessOfTheRunShowsTheSecretOnItsCommandLine() throws {
        let marker = "2.\(UInt32.random(in: 100_000...999_999))"
        let page = """
            ---
            runbook:
              id: argv
              title: Argv
              params:
                PASSWORD: { example: ExamplePassword1, secret: true, description: Password }
            ---

            ```env step=write file=out/secret.env
            APP_PASSWORD=ExamplePassword1
            ```

            ```json step=check file=out/secret.json mode=verify
            {"password": "ExamplePassword1"}
            ```

            ```bash step=use
            printf '%s\\n' "ExamplePassword1" | wc -c
            sleep \(marker)
            ```
            """
        let box = try ScriptHarness(page: page, id: "argv")
        let secret = "pw-\(UUID().uuidString)"
        try box.write("p.env", "PASSWORD=\(secret)\n")
        try box.write("out/secret.json", "{\"password\": \"\(secret)\", \"other\": 1}\n")
        let started = try box.start(["--params-file", "p.env"])
        var seen: [String] = []
        var waited = 0.0
        while waited < 8 {
            seen += ScriptHarness.processes(containing: secret)
            if !ScriptHarness.processes(containing: marker).isEmpty { break }
            Thread.sleep(forTimeInterval: 0.02); waited += 0.02
        }
        let run = box.finish(started)
        #expect(run.status == 0, "\(run.output)")
        #expect(seen.isEmpty, "\(seen)")
        #expect(!run.output.contains(secret))
    }
}
