import DocketRunbooks
import DocketSite
import Foundation
import Testing

/// A command a step starts in the background that keeps the step's output makes the step, and
/// the run, wait until it exits (the runtime shows a step's output until its last holder has
/// gone): `kubectl port-forward … &` would hang the runbook. The build warns, at the `&`.
@Suite struct BackgroundOutputTests {
    private static let front = "---\nrunbook:\n  id: x\n  title: X\n---\n\n"

    /// The background-output warnings of a page whose one step is `script` (in a `lang` block).
    private func warnings(_ script: String, lang: String = "bash") -> [String] {
        let text = Self.front + "```\(lang) step=a\n" + script + "\n```\n"
        let parsed = PageParser.parse(text: text, source: "x.md", displayPath: "docs/x.md")
        let (_, diagnostics) = RunbookExtractor.extract(parsed, sourceLabel: "docs/x.md")
        return diagnostics.all.map(\.description).filter { $0.contains("runs in the background") }
    }

    @Test(
        arguments: [
            // (script, the warning's place and what it keeps; nil for none)
            (
                "kubectl port-forward svc/web 8080:80 &",
                "docs/x.md:8:38: warning: step a: 'kubectl port-forward svc/web 8080:80 &' runs in the background and keeps the step's output"
            ),
            (
                "./server > server.log &",
                "docs/x.md:8:23: warning: step a: './server > server.log &' runs in the background and keeps the step's standard error"
            ),
            (
                "./server 2>/dev/null &",
                "docs/x.md:8:22: warning: step a: './server 2>/dev/null &' runs in the background and keeps the step's standard output"
            ),
            (
                "./server 2>&1 >server.log &",
                "docs/x.md:8:27: warning: step a: './server 2>&1 >server.log &' runs in the background and keeps the step's standard error"
            ),
            (
                "nohup ./server &",
                "docs/x.md:8:16: warning: step a: 'nohup ./server &' runs in the background and keeps the step's output"
            ),
            (
                "echo start\n  ( cd /srv && ./server ) &",
                "docs/x.md:9:27: warning: step a: '( cd /srv && ./server ) &' runs in the background and keeps the step's output"
            ),
            (
                "./a | tee log &",
                "docs/x.md:8:15: warning: step a: 'tee log &' runs in the background and keeps the step's output"
            ),
            (
                "exec >run.log\n./server &",
                "docs/x.md:9:10: warning: step a: './server &' runs in the background and keeps the step's standard error"
            ),
            ("./server >server.log 2>&1 &", nil),
            ("./server &>server.log &", nil),
            ("./server >&server.log &", nil),
            ("./server >/dev/null 2>/dev/null &", nil),
            ("./server >>server.log 2>>server.log &", nil),
            ("./server >&- 2>&- &", nil),
            ("( ./server ) >server.log 2>&1 &", nil),
            ("( cd /srv && ./server >server.log 2>&1 ) &", nil),
            (
                "x=$(date) &",
                "docs/x.md:8:11: warning: step a: 'x=$(date) &' runs in the background and keeps the step's output"
            ),
            ("exec >run.log 2>&1\n./server &", nil),
            ("make a & make b &\nwait", nil),
            ("test -f x && echo yes", nil),
            ("curl -s 'https://x/?a=1&b=2' \"&\" \\& # a & b", nil),
            ("cat <<EOF\nrun me &\nEOF", nil),
            ("ls |& tee log", nil),
            ("echo $(( 6 & 3 ))", nil),
            ("(( flags & 4 )) && echo yes", nil),
            (
                "echo $(( (1 + 2) & 3 )); ./server &",
                "docs/x.md:8:35: warning: step a: './server &' runs in the background and keeps the step's output"
            ),
            ("echo ok 2>&1", nil),
        ] as [(String, String?)])
    func aBackgroundCommandThatKeepsTheOutputIsReported(_ script: String, _ expected: String?) {
        let found = warnings(script)
        if let expected {
            #expect(found.count == 1 && found[0].hasPrefix(expected), "\(found)")
        } else {
            #expect(found.isEmpty, "\(found)")
        }
    }

    @Test func theWarningSaysHowToFixIt() throws {
        let found = try #require(warnings("kubectl port-forward svc/web 8080:80 &").first)
        #expect(found.contains("send its output elsewhere ('kubectl port-forward svc/web 8080:80 >file 2>&1 &')"))
        #expect(found.contains("or 'wait' for it in the step"))
    }

    @Test func aConsoleBlocksPromptIsCountedInTheColumn() {
        let found = warnings("$ ./server &", lang: "console")
        #expect(found.count == 1 && found[0].hasPrefix("docs/x.md:8:12: warning: step a: './server &'"), "\(found)")
    }

    @Test func twoBackgroundCommandsOnALineAreBothReported() {
        let found = warnings("./a & ./b &")
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.hasPrefix("docs/x.md:8:5: warning: step a: './a &'") == true, "\(found)")
        #expect(found.last?.hasPrefix("docs/x.md:8:11: warning: step a: './b &'") == true, "\(found)")
    }

    /// A script built despite the warning says why it waits, and goes on once the command ends.
    @Test func theRunSaysWhyItWaitsForABackgroundCommand() throws {
        let page =
            "---\nrunbook: { id: bg, title: Bg }\n---\n\n"
            + "```bash step=start\nsleep 1.5 &\necho started\n```\n\n```bash step=after\necho after\n```\n"
        let box = try ScriptHarness(page: page, id: "bg")
        let started = Date()
        let run = try box.run(["--yes"])
        #expect(run.status == 0, "\(run.output)")
        #expect(Date().timeIntervalSince(started) >= 1.4, "the step's output was held by the sleep")
        #expect(
            run.stderr.contains(
                "bg: step start has ended, but a command it started in the background still holds its output: waiting for it to end"
            ), "\(run.stderr)")
        #expect(run.stdout.contains("after"), "\(run.output)")
    }

    @Test func aStepWithoutBackgroundCommandsSaysNothingOfThem() throws {
        let page = "---\nrunbook: { id: fg, title: Fg }\n---\n\n```bash step=a\necho hi\n```\n"
        let run = try ScriptHarness(page: page, id: "fg").run(["--yes"])
        #expect(run.status == 0, "\(run.output)")
        #expect(!run.stderr.contains("in the background"), "\(run.stderr)")
    }

    @Test func aFileStepIsNotAScript() {
        let text = Self.front + "```conf step=a file=/etc/x.conf\nrun = ./server &\n```\n"
        let parsed = PageParser.parse(text: text, source: "x.md", displayPath: "docs/x.md")
        let (_, diagnostics) = RunbookExtractor.extract(parsed, sourceLabel: "docs/x.md")
        #expect(!diagnostics.all.contains { $0.description.contains("runs in the background") })
    }
}
