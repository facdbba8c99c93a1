import ArgumentParser
import DocketBuild
import DocketDiagnostics
import Foundation

extension Docket {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Build the site into the output folder (atomically: a failed build keeps the previous site).")

        @OptionGroup var source: SourceOptions

        @Option(
            help: ArgumentHelp(
                "The output folder (default: _site/), replaced whole on every build: never the project, a source folder or one docket did not write.",
                valueName: "dir"))
        var out: String?

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        @Flag(help: "Replace the output folder even when it is not empty and docket did not write it.")
        var force = false

        @Flag(
            help:
                "Print the time each stage of the build took (wall seconds, share, CPU/wall, peak MiB) to standard error."
        )
        var timings = false

        func run() throws {
            var options = source.buildOptions
            options.output = out
            options.strict = strict
            options.force = force
            // The command ends with the build: the site's memory goes back with the process.
            options.keepsSiteUntilExit = true
            let started = Date()
            if timings { BuildTimings.shared.start() }
            let result = SiteBuilder.build(options)
            if timings { FileHandle.standardError.write(Data((BuildTimings.shared.report() + "\n").utf8)) }
            DiagnosticPrinter().print(result.diagnostics)
            if result.refused { throw ExitCode(2) }
            guard result.succeeded else {
                FileHandle.standardError.write(
                    Data("build failed; the previous site (if any) was left as it was\n".utf8))
                throw ExitCode(1)
            }
            let seconds = Date().timeIntervalSince(started)
            let unchecked =
                result.uncheckedLinks > 0 ? " (\(result.uncheckedLinks) links under externalPaths not checked)" : ""
            print(
                "built \("page".counted(result.pagesWritten)) into \(result.output)/ in \(String(format: "%.2f", seconds)) s\(unchecked)"
            )
        }
    }
}
