import DocketDiagnostics
import DocketSite
import DocketTheme
import Foundation

/// Rebuilds for `docket serve`. Unchanged pages are not parsed again (`ParseCache`), and when a
/// change leaves the site's structure alone (the sidebar, every page's URL and title, reading
/// order, configuration, theme) only the changed pages are rendered again, in place; any other
/// change rebuilds everything, atomically.
public final class IncrementalBuilder: @unchecked Sendable {
    /// What one rebuild did.
    public struct Outcome: Sendable {
        public var result: BuildResult
        /// Pages rendered again (all of them on a full build).
        public var pagesRendered: Int
        public var full: Bool
    }

    private let options: BuildOptions
    private let cache = ParseCache()
    // Only touched by `build()`, which `docket serve` calls from one thread at a time.
    private var published: (signature: Int, texts: [String: String])?

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() -> Outcome {
        let loaded: LoadedSite
        do {
            loaded = try SiteLoader.load(options, cache: cache)
        } catch {
            return Outcome(result: BuildResult(diagnostics: error.diagnostics, succeeded: false, pagesWritten: 0, output: ""), pagesRendered: 0, full: false)
        }
        var diagnostics = loaded.diagnostics
        let runbooks = RunbookSet.extract(from: loaded)
        diagnostics.append(contentsOf: runbooks.diagnostics)
        let output = loaded.output.display
        func failure(_ diagnostics: Diagnostics) -> Outcome {
            Outcome(result: BuildResult(diagnostics: diagnostics, succeeded: false, pagesWritten: 0, output: output), pagesRendered: 0, full: false)
        }
        if diagnostics.hasErrors || (options.strict && !diagnostics.isEmpty) { return failure(diagnostics) }
        let theme: Theme
        do {
            theme = try Theme.load(name: loaded.site.config.themeName, siteRoot: loaded.root.url)
        } catch {
            diagnostics.append(Diagnostic.error(at: error.location, error.message))
            return failure(diagnostics)
        }

        let texts = cache.texts
        let signature = Self.structure(of: loaded.site, theme: theme)
        var changed: Set<String>?
        if let published, published.signature == signature, FileManager.default.fileExists(atPath: loaded.output.url.path) {
            changed = Set(loaded.site.pages.map(\.source).filter { texts[$0] != published.texts[$0] })
        }
        let folder = changed == nil ? OutputFolder(target: loaded.output.url) : OutputFolder(updating: loaded.output.url)
        do {
            try folder.prepare()
            let written = try SiteBuilder.write(loaded, runbooks: runbooks, theme: theme, into: folder, only: changed)
            try folder.commit()
            published = (signature, texts)
            let rendered = changed?.count ?? loaded.site.pages.count
            return Outcome(result: BuildResult(diagnostics: diagnostics, succeeded: true, pagesWritten: written, output: output),
                           pagesRendered: rendered, full: changed == nil)
        } catch {
            folder.discard()
            diagnostics.append(Diagnostic.error(at: SourceLocation(path: output, line: 0, column: 0), "cannot write the site: \(error)"))
            return failure(diagnostics)
        }
    }

    /// Everything a page's HTML depends on besides the page itself.
    static func structure(of site: Site, theme: Theme) -> Int {
        var hasher = Hasher()
        hasher.combine(SidebarJSONFile.render(site))
        hasher.combine(String(describing: site.config))
        for page in site.pages {
            hasher.combine(page.source)
            hasher.combine(page.id)
            hasher.combine(page.permalink)
            hasher.combine(page.title)
            hasher.combine(page.sidebarLabel)
            hasher.combine(page.frontMatter.paginationLabel)
            hasher.combine(page.frontMatter.unlisted)
            let nav = site.navigation[page.id]
            hasher.combine(nav?.previous?.url)
            hasher.combine(nav?.previous?.label)
            hasher.combine(nav?.next?.url)
            hasher.combine(nav?.next?.label)
        }
        for index in site.generatedIndexes {
            hasher.combine(index.permalink)
            hasher.combine(index.title)
        }
        for (path, text) in theme.files.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            hasher.combine(text)
        }
        return hasher.finalize()
    }
}
