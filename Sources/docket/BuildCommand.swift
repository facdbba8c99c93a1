import ArgumentParser
import DocketBuild
import Foundation

extension Docket {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into the output folder (atomically: a failed build keeps the previous site).")

        @OptionGroup var source: SourceOptions

        @Option(help: ArgumentHelp("The output folder (default: _site/).", valueName: "dir"))
        var out: String?

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            var options = source.buildOptions
            options.output = out
            options.strict = strict
            let started = Date()
            let result = SiteBuilder.build(options)
            DiagnosticPrinter().print(result.diagnostics)
            guard result.succeeded else {
                FileHandle.standardError.write(Data("build failed; the previous site (if any) was left as it was\n".utf8))
                throw ExitCode(1)
            }
            let seconds = Date().timeIntervalSince(started)
            print("built \(result.pagesWritten) pages into \(result.output)/ in \(String(format: "%.2f", seconds)) s")
        }
    }
}
