import DocketDiagnostics
import DocketMarkdown
import DocketRunbooks
import DocketSite
import DocketTheme
import Foundation

/// A loaded site ready to be written file by file: the same files `docket build` writes, but
/// each `OutputUnit` made on its own, so `docket serve` can write only what a change touches,
/// and write the rest later. Immutable; an edit makes a new value (`updating(_:)`).
public final class SiteOutputs: @unchecked Sendable {
    public let loaded: LoadedSite
    public let theme: Theme
    let runbooks: RunbookSet
    let context: PageContext
    let resolvedIndex: [String: Int]
    /// `tagsFolder(_:)` of the site, made once: `group(holding:)` is asked for every file after
    /// a full build.
    private let tagsFolder: String?
    /// Pages edited since the load, by source, resolved (see `updating`).
    var edited: [String: ResolvedPage] = [:]
    /// The content folder's category files, read as the load read them (for `reassembling`).
    var categories: [String: CategoryMetadata]?
    /// The diagnostics of the load and of the runbooks.
    public let diagnostics: Diagnostics

    init(
        loaded: LoadedSite, theme: Theme, runbooks: RunbookSet, context: PageContext, diagnostics: Diagnostics,
        resolvedIndex known: [String: Int]? = nil
    ) {
        self.loaded = loaded
        self.theme = theme
        self.runbooks = runbooks
        self.context = context
        self.diagnostics = diagnostics
        tagsFolder = Self.tagsFolder(loaded.site.config)
        if let known {
            resolvedIndex = known
            return
        }
        var index: [String: Int] = [:]
        for (position, page) in loaded.pages.enumerated() { index[page.page.source] = position }
        resolvedIndex = index
    }

    /// The outputs of `loaded`, or nil and the build result that stops it (errors, or any
    /// problem when `strict`), as `docket build` decides.
    public static func prepare(_ loaded: LoadedSite, strict: Bool) -> (outputs: SiteOutputs?, failure: BuildResult?) {
        var diagnostics = loaded.diagnostics
        let runbooks = RunbookSet.extract(from: loaded)
        diagnostics.append(contentsOf: runbooks.diagnostics)
        func failed() -> (outputs: SiteOutputs?, failure: BuildResult?) {
            (
                nil,
                BuildResult(diagnostics: diagnostics, succeeded: false, pagesWritten: 0, output: loaded.output.display)
            )
        }
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) { return failed() }
        let theme: Theme
        let context: PageContext
        do {
            theme = try ThemeFolder.load(for: loaded)
            context = try PageContext(site: loaded.site, theme: theme, runbooks: pageRunbooks(loaded.site, runbooks))
        } catch {
            diagnostics.append(Diagnostic.error(at: error.location, error.message))
            return failed()
        }
        let outputs = SiteOutputs(
            loaded: loaded, theme: theme, runbooks: runbooks, context: context, diagnostics: diagnostics)
        outputs.categories = readCategories(loaded)
        return (outputs, nil)
    }

    /// A build stopped by `diagnostics` (for callers outside this module).
    public static func failure(_ diagnostics: Diagnostics) -> BuildResult {
        BuildResult(diagnostics: diagnostics, succeeded: false, pagesWritten: 0, output: "")
    }

    /// A build that wrote `count` files into the loaded output folder.
    public func success(written count: Int) -> BuildResult {
        BuildResult(diagnostics: diagnostics, succeeded: true, pagesWritten: count, output: loaded.output.display)
    }

    /// Writes the whole site the way `docket build` does (aside, then swapped in) into the
    /// loaded output folder.
    public func publishAll(force: Bool) -> BuildResult {
        let target: URL
        do {
            target = try OutputGuard.check(
                output: loaded.output.url, display: loaded.output.display,
                guarded: OutputGuard.guarded(for: loaded), force: force)
        } catch {
            return SiteBuilder.refusal(error, loaded: loaded)
        }
        return SiteBuilder.publish(
            loaded, strict: false, folder: OutputFolder(target: target, display: loaded.output.display), theme: theme,
            prepared: (runbooks, context))
    }

    /// Every unit of the site, pages first.
    public var units: [OutputUnit] {
        var units = loaded.pages.map { OutputUnit.page($0.page.source) }
        units += loaded.site.generatedIndexes.indices.map { OutputUnit.generatedIndex($0) }
        units += [.tagPages, .notFound, .home, .sitemap, .themeAssets, .sidebarData, .search, .runbooks]
        units += loaded.site.staticFiles.sorted().map { OutputUnit.staticFile($0) }
        var assets = Set<String>()
        for page in loaded.pages { assets.formUnion(page.assets) }
        for page in edited.values { assets.formUnion(page.assets) }
        units += assets.sorted().map { OutputUnit.contentAsset($0) }
        return units
    }

    /// The output file of a page or a generated index (known without making it).
    public func path(of unit: OutputUnit) -> String? {
        switch unit {
        case .page(let source):
            return resolvedIndex[source].flatMap {
                URLPath.outputFile(
                    for: loaded.pages[$0].page.permalink, trailingSlash: loaded.site.config.trailingSlash)
            }
        case .generatedIndex(let index):
            return index < loaded.site.generatedIndexes.count
                ? URLPath.outputFile(
                    for: loaded.site.generatedIndexes[index].permalink, trailingSlash: loaded.site.config.trailingSlash)
                : nil
        case .notFound: return "404.html"
        case .sitemap: return "sitemap.xml"
        case .sidebarData: return "assets/docket/sidebar.json"
        case .staticFile(let file): return prefix + file
        case .contentAsset(let file): return prefix + "assets/content/" + file
        case .home: return URLPath.outputFile(for: loaded.site.config.baseURL) ?? "index.html"
        case .tagPages, .themeAssets, .search, .runbooks: return nil
        }
    }

    /// The unit whose files may include `path` when it has no single file of its own (search
    /// data, theme assets, runbooks, tag pages).
    public func group(holding path: String) -> OutputUnit? {
        if path.hasPrefix("assets/docket/search") { return .search }
        if path.hasPrefix("assets/docket/") { return .themeAssets }
        if path.hasPrefix(prefix + "runbooks/") { return .runbooks }
        if let tagsFolder, path.hasPrefix(tagsFolder) { return .tagPages }
        return nil
    }

    /// The folder of the tag pages, ending in `/`; nil when tags have no output file.
    static func tagsFolder(_ config: SiteConfig) -> String? {
        URLPath.outputFile(for: URLPath.join([config.docsBaseURL, "tags"])).map { OutputFolder.parentPath($0) + "/" }
    }

    /// Files served under the base URL (`/handbook/…`) live in that folder of the output.
    var prefix: String { OutputFolder.basePrefix(loaded.site.config) }

    /// The files of `unit`, by path relative to the output folder.
    public func files(of unit: OutputUnit) throws -> [(path: String, data: Data)] {
        if case .page(let source) = unit {
            guard let index = resolvedIndex[source] else { return [] }
            let resolved = edited[source] ?? loaded.pages[index]
            guard
                let file = URLPath.outputFile(
                    for: resolved.page.permalink, trailingSlash: loaded.site.config.trailingSlash)
            else { return [] }
            do {
                let data = VersionedOutput.decorate(
                    try context.page(resolved), loaded, menu: VersionedOutput.menu(loaded), docID: resolved.page.id)
                return [(file, Data(try theme.render("page", page: data).utf8))]
            } catch {
                throw BuildFailure(message: "\(resolved.page.parsed.displayPath): \(error)")
            }
        }
        let loaded = self.current
        let site = loaded.site
        func text(_ path: String, _ content: String) -> (path: String, data: Data) { (path, Data(content.utf8)) }
        switch unit {
        case .page:
            return []
        case .generatedIndex(let position):
            guard position < site.generatedIndexes.count else { return [] }
            let index = site.generatedIndexes[position]
            guard let file = URLPath.outputFile(for: index.permalink, trailingSlash: site.config.trailingSlash) else {
                return []
            }
            let data = try context.cardsPage(
                title: index.title, description: index.description, url: URLPath.encode(index.permalink),
                cards: context.cards(for: index.items))
            return [
                text(
                    file,
                    try theme.render(
                        "category",
                        VersionedOutput.decorate(data, loaded, menu: VersionedOutput.menu(loaded), docID: nil)))
            ]
        case .tagPages:
            return try tagPages(site)
        case .notFound:
            return [text("404.html", try theme.render("404", context.plainPage(title: "Page Not Found")))]
        case .home:
            // No page is the home page: send visitors of the site root to the first doc.
            guard site.pageIndexByRoute[Site.routeKey(site.config.baseURL)] == nil,
                let first = TagPages.firstURL(loaded.site)
            else { return [] }
            return [
                text(
                    URLPath.outputFile(for: site.config.baseURL) ?? "index.html",
                    try theme.render(
                        "redirect", context.plainPage(title: site.config.title, target: URLPath.encode(first))))
            ]
        case .sitemap:
            return Sitemap.render(VersionedOutput.sitemapSite(loaded)).map { [text("sitemap.xml", $0)] } ?? []
        case .themeAssets:
            return theme.assets(for: site).map { text("assets/docket/" + $0.path, $0.content) }
        case .sidebarData:
            return [text("assets/docket/sidebar.json", SidebarJSONFile.render(site))]
        case .search:
            return SearchIndex.files(site).map { text("assets/docket/" + $0.path, $0.content) }
        case .runbooks:
            return runbooks.files.map { text(prefix + "runbooks/" + $0.name, $0.content) }
        case .staticFile(let file):
            return [(prefix + file, try Self.read(loaded.staticFolder.url.appendingPathComponent(file)))]
        case .contentAsset(let file):
            return [(prefix + "assets/content/" + file, try Self.read(loaded.content.url.appendingPathComponent(file)))]
        }
    }

    /// Writes files into `target` in place, each swapped in whole (a reader never sees half a
    /// file), with the output marker.
    public static func write(_ files: [(path: String, data: Data)], into target: URL) throws {
        let folder = OutputFolder(updating: target)
        _ = try folder.prepare()
        for file in files { try folder.write(file.data, to: file.path) }
    }

    private static func read(_ url: URL) throws -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BuildFailure(message: "cannot read \(url.path)")
        }
        return data
    }

    private func tagPages(_ site: Site) throws -> [(path: String, data: Data)] {
        try TagPages.files(site, context: context, theme: theme)
    }

    static func pageRunbooks(_ site: Site, _ runbooks: RunbookSet) -> [String: PageRunbook] {
        var pageRunbooks: [String: PageRunbook] = [:]
        for (source, id) in runbooks.idBySource {
            guard let runbook = runbooks.runbooks.first(where: { $0.id == id }) else { continue }
            var numbers: [String: Int] = [:]
            for (index, step) in runbook.steps.enumerated() { numbers[step.name] = index + 1 }
            pageRunbooks[source] = PageRunbook(
                id: id, title: runbook.title,
                scriptURL: URLPath.join([site.config.baseURL, "runbooks", "\(id).sh"]), stepNumbers: numbers)
        }
        return pageRunbooks
    }
}
