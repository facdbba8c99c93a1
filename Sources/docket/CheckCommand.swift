import ArgumentParser
import DocketBuild
import DocketSandbox
import Foundation

extension Docket {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check links, front matter, runbook lint and drift, and run every runbook against its fixture in a sandbox.")

        @OptionGroup var source: SourceOptions

        @Option(help: ArgumentHelp("Only this runbook's fixture.", valueName: "id"))
        var runbook: String?

        @Option(help: ArgumentHelp("Also write a JUnit XML report here.", valueName: "file"))
        var junit: String?

        @Flag(help: "Print a JSON report on standard output.")
        var json = false

        @Flag(help: "Keep each runbook's sandbox folder and print where it is.")
        var keep = false

        @Flag(help: "A runbook without a fixture is an error.")
        var strict = false

        @Flag(name: .customLong("no-sandbox"), help: "Run runbooks WITHOUT isolation (no bubblewrap): they can touch this machine.")
        var noSandbox = false

        func run() throws {
            var options = CheckOptions()
            options.build = source.buildOptions
            options.runbook = runbook
            options.keep = keep
            options.strict = strict
            options.unsandboxed = noSandbox
            if noSandbox {
                FileHandle.standardError.write(Data("docket check: WARNING: --no-sandbox runs runbooks on this machine, with no isolation of files, network or processes\n".utf8))
            } else if Sandbox.bubblewrap == nil {
                FileHandle.standardError.write(Data("docket check: error: bwrap (bubblewrap) is not installed; install it (apt-get install bubblewrap) or pass --no-sandbox to run runbooks unisolated\n".utf8))
                throw ExitCode(1)
            }
            let interactive = isatty(STDERR_FILENO) == 1
            let report = SiteCheck.run(options) { message in
                if interactive { FileHandle.standardError.write(Data("\(message)\n".utf8)) }
            }
            DiagnosticPrinter().print(report.all)
            for result in report.runbooks {
                let ok = result.steps.filter(\.passed).count
                let line = "runbook \(result.runbook): \(result.passed ? "passed" : "FAILED") (\(ok)/\(result.steps.count) steps as expected, \(String(format: "%.1f", result.duration)) s)"
                FileHandle.standardError.write(Data((line + "\n").utf8))
                if let folder = result.keptFolder {
                    FileHandle.standardError.write(Data("  sandbox kept at \(folder.path) (home/, control/output.log, control/calls.log, control/requests.jsonl)\n".utf8))
                }
            }
            if let junit { try report.junit.write(toFile: junit, atomically: true, encoding: .utf8) }
            if json { print(report.json, terminator: "") }
            if ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" { print(report.githubAnnotations, terminator: "") }
            if report.failed { throw ExitCode(1) }
        }
    }
}
