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
        let texts = cache.texts
        // The theme's files are part of the structure; a theme that does not load fails in publish.
        let theme = try? Theme.load(name: loaded.site.config.themeName, siteRoot: loaded.root.url)
        let signature = theme.map { Self.structure(of: loaded.site, theme: $0) }
        var changed: Set<String>?
        if let published, let signature, published.signature == signature, FileManager.default.fileExists(atPath: loaded.output.url.path) {
            changed = Set(loaded.site.pages.map(\.source).filter { texts[$0] != published.texts[$0] })
        }
        let target: URL
        do {
            target = try OutputGuard.check(output: loaded.output.url, display: loaded.output.display,
                                           guarded: OutputGuard.guarded(for: loaded), force: options.force)
        } catch {
            return Outcome(result: SiteBuilder.refusal(error, loaded: loaded), pagesRendered: 0, full: false)
        }
        let folder = changed == nil ? OutputFolder(target: target, display: loaded.output.display) : OutputFolder(updating: target)
        let result = SiteBuilder.publish(loaded, strict: options.strict, folder: folder, only: changed, theme: theme)
        if result.succeeded, let signature { published = (signature, texts) }
        return Outcome(result: result, pagesRendered: changed?.count ?? loaded.site.pages.count, full: changed == nil)
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
