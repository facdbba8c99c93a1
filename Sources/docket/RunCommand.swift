import ArgumentParser
import DocketBuild
import DocketRunbooks
import Foundation

extension Docket {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a runbook straight from the pages (the same script as runbooks/ID.sh).",
            discussion:
                "Everything after the id goes to the script: docket run authentik --dry-run --param APP_DOMAIN=app.example.org"
        )

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
            let script = FileManager.default.temporaryDirectory.appendingPathComponent(
                "docket-\(id)-\(ProcessInfo.processInfo.processIdentifier).sh")
            try ScriptGenerator.script(for: runbook).write(to: script, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: script) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["bash", script.path] + scriptArguments
            // The script is a temporary file: its hints ("continue with: … --resume") name this command.
            var environment = ProcessInfo.processInfo.environment
            environment["DOCKET_INVOKED_AS"] = "docket run \(id)"
            process.environment = environment
            try process.run()
            // Ctrl-C reaches the script from the terminal; the script stops its step, records it
            // and exits 130. docket waits for that instead of leaving first (set only after the
            // start: an ignored signal would be inherited, and bash could not trap it then).
            signal(SIGINT, SIG_IGN)
            // SIGTERM and SIGHUP sent to docket go on to the script.
            let forwarded = [SIGTERM, SIGHUP].map { number -> DispatchSourceSignal in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { kill(process.processIdentifier, number) }
                source.resume()
                return source
            }
            process.waitUntilExit()
            for source in forwarded { source.cancel() }
            let status =
                process.terminationReason == .uncaughtSignal
                ? 128 + process.terminationStatus : process.terminationStatus
            if status != 0 { throw ExitCode(status) }
        }
    }
}
