import DocketRunbooks
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// Runs generated scripts with bash in temporary homes: what an operator gets.
@Suite struct RunbookBehaviourTests {
    static let page = """
        ---
        runbook:
          id: demo
          title: Demo runbook
          params:
            DOMAIN: { example: demo.example.com, pattern: '^[a-z0-9.-]+$', description: Host name }
            PASSWORD: { example: ExamplePassword1, secret: true, description: Password }
            GREETING: { example: hello-there, description: What to write }
            TOKEN: { example: "<token>", secret: true, description: Token made by hand }
        ---

        ```bash step=write-greeting
        mkdir -p ~/out
        printf '%s\\n' "hello-there" > ~/out/greeting.txt
        echo "domain is demo.example.com"
        echo "password is ExamplePassword1"
        ```

        ```env step=config file=out/app.env cwd=~
        APP_DOMAIN=demo.example.com
        APP_PASSWORD=ExamplePassword1
        ```

        ```text step=get-token manual produces=TOKEN
        Create a token at https://demo.example.com/tokens.
        ```

        ```bash step=use-token
        printf '%s\\n' "<token>" > ~/out/token.txt
        if [ -n "${FAIL:-}" ]; then
          ls ~/out/missing-file
        fi
        ```

        ```bash step=confirmed confirm
        touch ~/out/confirmed
        ```
        """
    /// The page line of `ls ~/out/missing-file` (the fence of use-token is line 28).
    static let failingLine = 31

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    final class Sandbox {
        let home: URL
        let script: URL

        init() throws {
            home = Fixtures.temporaryDirectory("docket-runbook")
            let parsed = PageParser.parse(
                text: RunbookBehaviourTests.page, source: "demo.md", displayPath: "docs/demo.md")
            let (runbook, diagnostics) = RunbookExtractor.extract(parsed, sourceLabel: "docs/demo.md")
            #expect(diagnostics.isEmpty, "\(diagnostics.all)")
            script = home.appendingPathComponent("demo.sh")
            try ScriptGenerator.script(for: try #require(runbook)).write(to: script, atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: home) }

        func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> Run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [script.path] + arguments
            process.currentDirectoryURL = home
            var environment = [
                "HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "CI": "true",
            ]
            for (key, value) in extra { environment[key] = value }
            environment = environment.filter { !$0.value.isEmpty }
            process.environment = environment
            let out = Pipe(), err = Pipe(), stdin = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = stdin
            try process.run()
            if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
            try? stdin.fileHandleForWriting.close()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(
                status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                stderr: String(decoding: e, as: UTF8.self))
        }

        func file(_ path: String) -> String? {
            try? String(contentsOf: home.appendingPathComponent(path), encoding: .utf8)
        }
    }

    static let good = [
        "--param", "DOMAIN=demo.acme.test", "--param", "PASSWORD=s3cret-pass", "--param", "GREETING=hi", "--param",
        "TOKEN=tok-123", "--yes",
    ]

    @Test func parametersFromFlagsEnvironmentAndFile() throws {
        let box = try Sandbox()
        try "GREETING=from-file\n# a comment\nTOKEN=tok-file\n".write(
            to: box.home.appendingPathComponent("params.env"), atomically: true, encoding: .utf8)
        let run = try box.run(
            ["--param", "DOMAIN=flag.acme.test", "--params-file", "params.env", "--yes"],
            environment: ["PASSWORD": "env-pass", "DOMAIN": "env.acme.test"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(box.file("out/greeting.txt") == "from-file\n")
        #expect(box.file("out/token.txt") == "tok-file\n")
        #expect(
            box.file("out/app.env") == "APP_DOMAIN=flag.acme.test\nAPP_PASSWORD=env-pass\n",
            "flags beat the environment")
        #expect(run.stdout.contains("all steps done"))
    }

    @Test func missingParametersAreListedTogetherWithoutATerminal() throws {
        let box = try Sandbox()
        let run = try box.run(["--yes"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("missing parameters: DOMAIN PASSWORD GREETING"), "\(run.stderr)")
        #expect(!run.stderr.contains("TOKEN"), "a manual step produces TOKEN")
        #expect(box.file("out/greeting.txt") == nil, "nothing ran")
    }

    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func promptsOnATerminalSecretsWithoutEcho() throws {
        let box = try Sandbox()
        let command = "bash \(box.script.path) --yes --only write-greeting"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = box.home
        process.environment = [
            "HOME": box.home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "TERM": "dumb",
        ]
        let stdin = Pipe(), out = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = out
        try process.run()
        for answer in ["typed.acme.test", "typed-secret", "typed-greeting"] {
            Thread.sleep(forTimeInterval: 0.3)
            stdin.fileHandleForWriting.write(Data((answer + "\n").utf8))
        }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(box.file("out/greeting.txt") == "typed-greeting\n")
        #expect(output.contains("DOMAIN (Host name):"))
        #expect(!output.contains("typed-secret"), "the secret is not echoed:\n\(output)")
    }

    @Test func dryRunChangesNothingAndHidesSecrets() throws {
        let box = try Sandbox()
        let run = try box.run([
            "--dry-run", "--param", "DOMAIN=demo.acme.test", "--param", "PASSWORD=s3cret-pass", "--param",
            "GREETING=hi",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.home.appendingPathComponent("out").path))
        #expect(!FileManager.default.fileExists(atPath: box.home.appendingPathComponent(".local").path), "no journal")
        #expect(!(run.stdout + run.stderr).contains("s3cret-pass"))
        #expect(run.stdout.contains("APP_PASSWORD=********"))
        #expect(
            run.stdout.contains("printf '%s\\n' \"hi\" > ~/out/greeting.txt")
                || run.stdout.contains("printf '%s\\n' hi > ~/out/greeting.txt"), "\(run.stdout)")
        #expect(run.stdout.contains("[4/5] use-token"))
        #expect(run.stdout.contains("TOKEN                  (asked for at step get-token)"))
    }

    /// The plan of a dry run lists the steps the run would go through, numbered as in the whole
    /// runbook: from `--from` on, or the one `--only` names.
    @Test func dryRunListsOnlyTheSelectedSteps() throws {
        let box = try Sandbox()
        let from = try box.run(Self.good + ["--dry-run", "--from", "use-token"])
        #expect(from.status == 0, "\(from.stderr)")
        #expect(from.stdout.contains("[4/5] use-token") && from.stdout.contains("[5/5] confirmed"), "\(from.stdout)")
        #expect(!from.stdout.contains("[1/5]") && !from.stdout.contains("[3/5]"), "\(from.stdout)")
        let only = try box.run(Self.good + ["--dry-run", "--only", "2"])
        #expect(only.status == 0, "\(only.stderr)")
        #expect(only.stdout.components(separatedBy: "\n[").count == 2, "one step listed:\n\(only.stdout)")
        #expect(only.stdout.contains("\n[2/5] "), "\(only.stdout)")
    }

    @Test func refusesToRunWithTheExampleValues() throws {
        let box = try Sandbox()
        let run = try box.run([
            "--param", "DOMAIN=demo.example.com", "--param", "PASSWORD=x", "--param", "GREETING=hi", "--yes",
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("parameter DOMAIN still has the page's example value"))
        #expect(box.file("out/greeting.txt") == nil)
    }

    @Test func patternsAreChecked() throws {
        let box = try Sandbox()
        let run = try box.run([
            "--param", "DOMAIN=Not A Host", "--param", "PASSWORD=x", "--param", "GREETING=hi", "--yes",
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("parameter DOMAIN: the value does not match ^[a-z0-9.-]+$"))
    }

    @Test func upsertTwiceGivesTheSameFileAndKeepsOtherLines() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(
            at: box.home.appendingPathComponent("out"), withIntermediateDirectories: true)
        try "# settings\nOTHER=1\nAPP_DOMAIN=old.acme.test\n".write(
            to: box.home.appendingPathComponent("out/app.env"), atomically: true, encoding: .utf8)
        #expect(try box.run(Self.good + ["--only", "config"]).status == 0)
        let once = box.file("out/app.env")
        #expect(once == "# settings\nOTHER=1\nAPP_DOMAIN=demo.acme.test\nAPP_PASSWORD=s3cret-pass\n")
        #expect(try box.run(Self.good + ["--only", "config"]).status == 0)
        #expect(box.file("out/app.env") == once)
    }

    @Test func failureNamesTheStepAndThePageLine() throws {
        let box = try Sandbox()
        let run = try box.run(Self.good, environment: ["FAIL": "1"])
        #expect(run.status == 2, "ls exits 2: \(run.stderr)")
        // The step's own output, its ERR trap included, goes to standard output and the log.
        #expect(run.stdout.contains("docs/demo.md:\(Self.failingLine): command exited with status 2"), "\(run.stdout)")
        #expect(
            run.stderr.contains("step use-token (4) failed with exit status 2 at docs/demo.md:28-33"), "\(run.stderr)")
        #expect(box.file("out/confirmed") == nil, "later steps did not run")
    }

    @Test func resumeSkipsCompletedStepsAndRefusesChangedOnes() throws {
        let box = try Sandbox()
        #expect(try box.run(Self.good, environment: ["FAIL": "1"]).status != 0)
        let resumed = try box.run(Self.good + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("write-greeting: done in an earlier run, skipped"))
        #expect(resumed.stdout.contains("==> [4/5] use-token"))
        #expect(box.file("out/confirmed") != nil)

        let journal = box.home.appendingPathComponent(".local/state/docket/demo.journal")
        let text = try String(contentsOf: journal, encoding: .utf8)
        try text.replacingOccurrences(of: "config ", with: "config 0000").write(
            to: journal, atomically: true, encoding: .utf8)
        let refused = try box.run(Self.good + ["--resume"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("step 'config' changed since it ran"))
    }

    @Test func fromAndOnlySelectSteps() throws {
        let box = try Sandbox()
        let only = try box.run(Self.good + ["--only", "confirmed"])
        #expect(only.status != 0, "confirmed needs ~/out, which only write-greeting creates")
        try FileManager.default.createDirectory(
            at: box.home.appendingPathComponent("out"), withIntermediateDirectories: true)
        #expect(try box.run(Self.good + ["--only", "5"]).status == 0)
        #expect(box.file("out/confirmed") != nil && box.file("out/greeting.txt") == nil)
        #expect(try box.run(Self.good + ["--from", "use-token"]).status == 0)
        #expect(box.file("out/token.txt") == "tok-123\n" && box.file("out/greeting.txt") == nil)
        #expect(try box.run(Self.good + ["--only", "nope"]).status == 2)
    }

    @Test func confirmationsNeedYesWithoutATerminal() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(
            at: box.home.appendingPathComponent("out"), withIntermediateDirectories: true)
        let run = try box.run(Array(Self.good.dropLast()) + ["--only", "confirmed"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("rerun with --yes"))
        #expect(box.file("out/confirmed") == nil)
    }

    @Test func hostileValuesAreDataNotCode() throws {
        let box = try Sandbox()
        let marker = box.home.appendingPathComponent("pwned").path
        let hostile = "it's \"quoted\" $(touch \(marker)) `touch \(marker)` ${HOME} and spaces"
        // The env file step gets a value without a single quote: it is written in single quotes.
        let password = hostile.replacingOccurrences(of: "'", with: "")
        let run = try box.run([
            "--param", "DOMAIN=demo.acme.test", "--param", "PASSWORD=\(password)", "--param", "GREETING=\(hostile)",
            "--param", "TOKEN=\(hostile)", "--yes",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker), "nothing in a value ran")
        #expect(box.file("out/greeting.txt") == hostile + "\n")
        #expect(box.file("out/token.txt") == hostile + "\n")
        #expect(box.file("out/app.env")?.contains("APP_PASSWORD='\(password)'\n") == true)
    }

    @Test func theLogRedactsSecrets() throws {
        let box = try Sandbox()
        #expect(try box.run(Self.good).status == 0)
        let log = try #require(box.file(".local/state/docket/demo.log"))
        #expect(log.contains("password is ********"), "\(log)")
        #expect(!log.contains("s3cret-pass"))
    }

    @Test func helpAndListDescribeTheRunbook() throws {
        let box = try Sandbox()
        let help = try box.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("PASSWORD               Password (secret)"))
        #expect(help.stdout.contains("TOKEN                  Token made by hand (secret) (produced by step get-token)"))
        let list = try box.run(["--list"])
        #expect(list.stdout.contains(" 2. config                 file    config  (docs/demo.md:"), "\(list.stdout)")
    }
}

/// A step's own `timeout=` stops it, with everything it started.
@Suite struct RunbookTimeoutTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout"), "needs timeout(1)"))
    func aStepPastItsTimeoutIsKilledAndFails() throws {
        let page = """
            ---
            runbook: { id: slow, title: Slow }
            ---

            ```bash step=wait timeout=1s
            sleep 30 &
            sleep 30
            ```
            """
        let parsed = PageParser.parse(text: page, source: "slow.md", displayPath: "docs/slow.md")
        let (runbook, diagnostics) = RunbookExtractor.extract(parsed, sourceLabel: "docs/slow.md")
        // The background sleep keeps the step's output on purpose: the timeout must stop it too.
        #expect(diagnostics.all.map(\.message).allSatisfy { $0.contains("runs in the background") })
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("slow.sh")
        try ScriptGenerator.script(for: try #require(runbook)).write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            script.path, "--state", folder.appendingPathComponent("j").path, "--log",
            folder.appendingPathComponent("log").path,
        ]
        process.environment = ["HOME": folder.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        process.waitUntilExit()
        // 124 when the step obeys TERM, 137 when it ignores it and is killed 3 s later.
        #expect(process.terminationStatus == 124 || process.terminationStatus == 137, "timeout's status")
        #expect(Date().timeIntervalSince(started) < 8)
    }
}

/// File modes and manual steps, run with bash in a temporary home.
@Suite struct RunbookFileModeTests {
    static let page = """
        ---
        runbook:
          id: files
          title: Files
          params:
            TOKEN: { example: "<token>", secret: true }
            HOST: { example: host.example.com }
        ---

        ```text step=note file=out/notes.txt mode=append
        remember host.example.com
        ```

        ```env step=secret file=out/secret.env
        TOKEN=<token>
        ```

        ```text step=get-token manual produces=TOKEN
        Create a token.
        ```
        """

    private func run(_ arguments: [String]) throws -> (Int32, URL, String) {
        let parsed = PageParser.parse(text: Self.page, source: "files.md", displayPath: "docs/files.md")
        let (runbook, diagnostics) = RunbookExtractor.extract(parsed, sourceLabel: "docs/files.md")
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let home = Fixtures.temporaryDirectory()
        let script = home.appendingPathComponent("files.sh")
        try ScriptGenerator.script(for: try #require(runbook)).write(to: script, atomically: true, encoding: .utf8)
        return try rerun(script, home: home, arguments)
    }

    private func rerun(_ script: URL, home: URL, _ arguments: [String]) throws -> (Int32, URL, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path] + arguments
        process.currentDirectoryURL = home
        process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "CI": "true"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, home, text)
    }

    @Test func appendIsIdempotentAndNewSecretFilesArePrivate() throws {
        let args = ["--param", "TOKEN=t-1", "--param", "HOST=h.acme.test", "--yes"]
        let (status, home, output) = try run(args)
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(status == 0, "\(output)")
        _ = try rerun(home.appendingPathComponent("files.sh"), home: home, args)
        let notes = try String(contentsOf: home.appendingPathComponent("out/notes.txt"), encoding: .utf8)
        #expect(notes == "remember h.acme.test\n", "appended once: \(notes)")
        let mode =
            try FileManager.default.attributesOfItem(atPath: home.appendingPathComponent("out/secret.env").path)[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
        let plain =
            try FileManager.default.attributesOfItem(atPath: home.appendingPathComponent("out/notes.txt").path)[
                .posixPermissions] as? Int
        #expect(plain != 0o600)
    }

    @Test func aManualStepWhoseValuesAreGivenDoesNotWait() throws {
        let (status, home, output) = try run([
            "--only", "get-token", "--param", "TOKEN=t-1", "--param", "HOST=h.acme.test",
        ])
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(status == 0, "no --yes and no terminal, yet nothing to wait for: \(output)")
        #expect(output.contains("(its values were given: TOKEN)"))
    }

    @Test func examplesInsideOtherExamplesAreALintError() {
        let page =
            "---\nrunbook:\n  id: x\n  title: X\n  params:\n    HOST: { example: example.com }\n    URL: { example: https://example.com/x }\n---\n\n```bash step=a\ncurl https://example.com/x\n```\n"
        let parsed = PageParser.parse(text: page, source: "x.md", displayPath: "docs/x.md")
        let (_, diagnostics) = RunbookExtractor.extract(parsed, sourceLabel: "docs/x.md")
        #expect(
            diagnostics.all.map(\.description).contains {
                $0.hasPrefix(
                    "docs/x.md:7:5: error: the example 'https://example.com/x' of URL contains the example 'example.com' of HOST"
                )
            }, "\(diagnostics.all)")
    }
}
