import ArgumentParser
import DocketBuild
import DocketDiagnostics
import Foundation

extension Docket {
    struct Runbooks: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract the runbooks of tagged pages into runbooks/ (a script and a manifest each).")

        @OptionGroup var source: SourceOptions

        @Flag(help: "Change nothing; exit 1 when the files in runbooks/ differ from what the pages produce now.")
        var check = false

        func run() throws {
            let loaded = try source.loadSite()
            let set = RunbookSet.extract(from: loaded)
            var diagnostics = set.diagnostics
            for runbook in set.runbooks {
                let page = loaded.site.pages.first { set.idBySource[$0.source] == runbook.id }
                diagnostics.append(contentsOf: ShellCheck.check(runbook, displayPath: page?.parsed.displayPath ?? runbook.source))
            }
            DiagnosticPrinter().print(diagnostics)
            if diagnostics.hasErrors { throw ExitCode(1) }
            let folder = loaded.runbooksFolder
            if check {
                let drifts = RunbookFiles.check(set, in: folder)
                for drift in drifts { FileHandle.standardError.write(Data((drift.diff + "\n").utf8)) }
                if !drifts.isEmpty {
                    FileHandle.standardError.write(Data("runbooks are stale: \(drifts.map(\.file).joined(separator: ", ")); run `docket runbooks` and commit the result\n".utf8))
                    throw ExitCode(1)
                }
                print("\(set.runbooks.count) runbook\(set.runbooks.count == 1 ? "" : "s") up to date")
                return
            }
            let written = try RunbookFiles.write(set, to: folder)
            let names = set.runbooks.map(\.id).joined(separator: ", ")
            print("\(set.runbooks.count) runbook\(set.runbooks.count == 1 ? "" : "s") (\(names)); \(written.isEmpty ? "nothing changed" : "wrote " + written.joined(separator: ", "))")
        }
    }
}
