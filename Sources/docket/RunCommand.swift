import ArgumentParser
import DocketBuild
import DocketRunbooks
import Foundation

extension Docket {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a runbook straight from the pages (the same script as runbooks/ID.sh).",
            discussion: "Everything after the id goes to the script: docket run authentik --dry-run --param APP_DOMAIN=app.example.org")

        @OptionGroup var source: SourceOptions

        @Argument(help: "The runbook id.")
        var id: String

        @Argument(parsing: .captureForPassthrough, help: "Options for the runbook script (see ID --help).")
        var scriptArguments: [String] = []

        func run() throws {
            let loaded = try source.loadSite()
            let set = RunbookSet.extract(from: loaded)
            if set.diagnostics.hasErrors {
                DiagnosticPrinter().print(set.diagnostics)
                throw ExitCode(1)
            }
            guard let runbook = set.runbooks.first(where: { $0.id == id }) else {
                let known = set.runbooks.map(\.id).joined(separator: ", ")
                throw ValidationError("no runbook '\(id)' (runbooks: \(known.isEmpty ? "none" : known))")
            }
            let script = FileManager.default.temporaryDirectory.appendingPathComponent("docket-\(id)-\(ProcessInfo.processInfo.processIdentifier).sh")
            try ScriptGenerator.script(for: runbook).write(to: script, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: script) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["bash", script.path] + scriptArguments
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { throw ExitCode(process.terminationStatus) }
        }
    }
}
