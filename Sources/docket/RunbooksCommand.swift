import ArgumentParser
import DocketBuild
import DocketChecks
import DocketDiagnostics
import DocketRunbooks
import DocketSandbox
import Foundation

extension Docket {
    struct Runbooks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "runbooks",
            abstract: "Extract the runbooks of tagged pages into runbooks/ (a script and a manifest each).")

        @OptionGroup var source: SourceOptions

        @Flag(help: "Change nothing; exit 1 when the files in runbooks/ differ from what the pages produce now.")
        var check = false

        func run() throws {
            let loaded = try source.loadSite()
            let set = RunbookSet.extract(from: loaded)
            var diagnostics = set.diagnostics
            let shellcheck = Executables.find("shellcheck", path: ProcessInfo.processInfo.environment["PATH"])
            func page(of runbook: Runbook) -> String {
                loaded.site.pages.first { set.idBySource[$0.source] == runbook.id }?.parsed.displayPath
                    ?? runbook.source
            }
            for runbook in set.runbooks {
                diagnostics.append(
                    contentsOf: ShellCheck.check(runbook, displayPath: page(of: runbook), executable: shellcheck))
            }
            DiagnosticPrinter().print(diagnostics)
            if diagnostics.hasErrors { throw ExitCode(1) }
            let folder = loaded.runbooksFolder
            if check {
                let drifts = RunbookFiles.check(set, in: folder)
                for drift in drifts { FileHandle.standardError.write(Data((drift.diff + "\n").utf8)) }
                if !drifts.isEmpty {
                    // Each stale runbook at the page line of the step that changed.
                    var located = Diagnostics()
                    let ids = Set(drifts.map { ($0.file as NSString).deletingPathExtension })
                    for runbook in set.runbooks where ids.contains(runbook.id) {
                        let change = DriftLocator.locate(runbook, page: page(of: runbook), folder: folder)
                        located.append(
                            Diagnostic(
                                .error, at: change.location, "runbooks/\(runbook.id).sh is stale: \(change.message)",
                                code: "runbook.drift", step: change.step))
                    }
                    DiagnosticPrinter().print(located)
                    FileHandle.standardError.write(
                        Data(
                            "runbooks are stale: \(drifts.map(\.file).joined(separator: ", ")); run `docket runbooks` and commit the result\n"
                                .utf8))
                    throw ExitCode(1)
                }
                print("\("runbook".counted(set.runbooks.count)) up to date")
                return
            }
            let written = try RunbookFiles.write(set, to: folder)
            let names = set.runbooks.map(\.id).joined(separator: ", ")
            print(
                "\("runbook".counted(set.runbooks.count)) (\(names)); \(written.isEmpty ? "nothing changed" : "wrote " + written.joined(separator: ", "))"
            )
        }
    }
}
