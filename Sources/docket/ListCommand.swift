import ArgumentParser
import DocketBuild
import Foundation

extension Docket {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the site's pages and sidebar.")

        @OptionGroup var source: SourceOptions

        @Flag(help: "Print JSON: {\"pages\": [{id, source, url, title}], \"sidebar\": [item]}.")
        var json = false

        func run() throws {
            let loaded = try source.loadSite()
            if !loaded.diagnostics.isEmpty { DiagnosticPrinter().print(loaded.diagnostics) }
            print(json ? SiteListing.json(loaded.site) : SiteListing.outline(loaded.site), terminator: "")
            if loaded.diagnostics.hasErrors { throw ExitCode(1) }
        }
    }
}
