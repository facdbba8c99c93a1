import Foundation
import Testing

/// Parameters files read like dotenv, reboot steps, the bash version check and the help.
@Suite struct RunbookOptionTests {
    static let page = """
        ---
        runbook:
          id: opts
          title: Options
          params:
            HOST: { example: host.example.com, description: Host }
            NOTE: { example: a-note, description: Free text }
        ---

        ```bash step=before
        printf '%s|%s\\n' "host.example.com" "a-note" > values.txt
        ```

        ```bash step=restart reboot
        touch rebooted
        sleep "${REBOOT_SLEEP:-0}"
        ```

        ```bash step=after
        touch after-ran
        ```
        """

    @Test func parametersFilesReadLikeDotenv() throws {
        let box = try ScriptHarness(page: Self.page, id: "opts")
        try box.write(
            "p.env",
            """
            # settings
            export HOST=h.acme.test

              NOTE = "say \\"hi\\" to $HOME # not a comment" # a comment

            """)
        let run = try box.run(["--params-file", "p.env", "--only", "before"])
        #expect(run.status == 0, "\(run.output)")
        #expect(box.file("values.txt") == "h.acme.test|say \"hi\" to $HOME # not a comment\n")
        try box.write("q.env", "HOST='single # quoted'\nNOTE=plain value   # comment\n")
        #expect(try box.run(["--params-file", "q.env", "--only", "before"]).status == 0)
        #expect(box.file("values.txt") == "single # quoted|plain value\n")
    }

    @Test(arguments: [
        ("HOST=a\nNOTE b\n", "p.env:2: not a NAME=VALUE line"),
        ("HOST='open\n", "p.env:1: the value of HOST has no closing '"),
        ("\n\nNOPE=1\n", "p.env:3: unknown parameter 'NOPE'"),
        ("HOST=\"a\" b\n", "p.env:1: unexpected text after the quoted value of HOST"),
    ])
    func badParametersFileLinesAreErrorsWithTheirLine(_ text: String, _ message: String) throws {
        let box = try ScriptHarness(page: Self.page, id: "opts")
        try box.write("p.env", text)
        let run = try box.run(["--params-file", "p.env"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func aRebootStepIsJournalledBeforeItRunsSoResumeContinuesAfterIt() throws {
        let box = try ScriptHarness(page: Self.page, id: "opts")
        let args = ["HOST=h.acme.test", "NOTE=n"]
        // The machine goes down during the step: the script and the step vanish at once.
        let started = try box.start(args, environment: ["REBOOT_SLEEP": "30"])
        var waited = 0.0
        while box.file("rebooted") == nil && waited < 5 { Thread.sleep(forTimeInterval: 0.1); waited += 0.1 }
        let group = getpgid(started.pid)
        kill(started.pid, SIGKILL)
        // The step's own process group (its sleep) goes too, as in a real restart.
        for line in ScriptHarness.processes(containing: "sleep 30") {
            if let pid = Int32(line.prefix { $0.isNumber }), getpgid(pid) != group { kill(pid, SIGKILL) }
        }
        _ = box.finish(started)
        try FileManager.default.removeItem(at: box.home.appendingPathComponent("rebooted"))
        let resumed = try box.run(args + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.output)")
        #expect(resumed.stdout.contains("restart: done in an earlier run, skipped"), "\(resumed.stdout)")
        #expect(box.file("rebooted") == nil, "not run twice")
        #expect(box.file("after-ran") != nil)
    }

    @Test func underDocketCheckARebootStepIsRecordedNotRun() throws {
        let box = try ScriptHarness(page: Self.page, id: "opts")
        let run = try box.run(["HOST=h.acme.test", "NOTE=n"], environment: ["DOCKET_CHECK": "1"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.stdout.contains("recorded, not run under docket check"))
        #expect(box.file("rebooted") == nil)
        #expect(box.file("after-ran") != nil)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/sh"), "needs /bin/sh"))
    func anOlderShellIsToldClearly() throws {
        let box = try ScriptHarness(page: Self.page, id: "opts")
        let run = try box.run(["--help"], interpreter: "/bin/sh")
        #expect(run.status == 2)
        #expect(run.stderr.contains("needs bash 4.2 or later"), "\(run.stderr)")
    }

    @Test func theHelpStatesEveryOption() throws {
        let box = try ScriptHarness(page: Self.page, id: "opts")
        let help = try box.run(["--help"]).stdout
        for option in [
            "--help", "--list", "--dry-run", "--from STEP", "--only STEP", "--resume", "--yes", "--param NAME=VALUE",
            "--params-file FILE", "--state FILE", "--log FILE", "NAME=VALUE", "CI", "bash 4.2", "130/143",
            "a manual step that produces values always waits",
        ] {
            #expect(help.contains(option), "--help lacks \(option)")
        }
    }
}
