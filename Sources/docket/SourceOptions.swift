import ArgumentParser
import DocketBuild
import DocketSite

/// Where the site is: shared by every command that reads one.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The site folder holding docket.yml (default: the current folder).", valueName: "dir"))
    var root: String?

    @Option(
        help: ArgumentHelp("The Markdown folder (default: content/, or docs/ when only that exists).", valueName: "dir")
    )
    var content: String?

    @Option(
        name: .customLong("static"),
        help: ArgumentHelp("Files served at the site root (default: static/).", valueName: "dir"))
    var staticDirectory: String?

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("The URL path the site is served under (default: /).", valueName: "path"))
    var baseURL: String?

    @Option(name: .customLong("broken-links"), help: "What a broken link is: error, warn or ignore (default: error).")
    var brokenLinks: SiteConfig.Severity?

    @Flag(help: "Keep pages marked draft: true (a development build).")
    var drafts = false

    var buildOptions: BuildOptions {
        var options = BuildOptions()
        options.root = root
        options.content = content
        options.staticDirectory = staticDirectory
        options.baseURL = baseURL
        options.brokenLinks = brokenLinks
        options.includeDrafts = drafts
        options.pagesFound = { Allocator.prepare(forPages: $0) }
        return options
    }
}

extension SourceOptions {
    /// Loads the site, or prints why it could not and exits with 1.
    func loadSite() throws -> LoadedSite {
        do {
            return try SiteLoader.load(buildOptions)
        } catch {
            DiagnosticPrinter().print(error.diagnostics)
            throw ExitCode(1)
        }
    }
}

extension SiteConfig.Severity: ExpressibleByArgument {}
