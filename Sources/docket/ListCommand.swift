import ArgumentParser
import DocketBuild
import DocketDiagnostics
import DocketSite
import Foundation

extension Docket {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Show the site's pages and sidebar.",
            discussion:
                "Exits 0 whenever the site could be listed: problems in its pages (a broken link) are printed to standard error as warnings. With --strict they make it exit 1."
        )

        @OptionGroup var source: SourceOptions

        @Flag(
            help:
                "Print JSON: {\"pages\": [{id, source, url, title}], \"sidebar\": [item]}, plus \"sidebars\": {name: [item]} when the site has several."
        )
        var json = false

        @Flag(help: "Exit 1 when the site has any problem, as `docket build --strict` would.")
        var strict = false

        func run() throws {
            let loaded = try source.loadSite()
            // Scripts read the listing even from a site with a broken link: its problems are
            // reported, not fatal, unless --strict asks for that.
            let shown = strict ? loaded.diagnostics : Diagnostics(loaded.diagnostics.all.map(Self.asWarning))
            if !shown.isEmpty { DiagnosticPrinter().print(shown) }
            print(json ? SiteListing.json(loaded) : SiteListing.outline(loaded.site), terminator: "")
            if strict, !loaded.diagnostics.isEmpty { throw ExitCode(1) }
        }

        private static func asWarning(_ diagnostic: Diagnostic) -> Diagnostic {
            var copy = diagnostic
            copy.severity = .warning
            return copy
        }
    }
}
