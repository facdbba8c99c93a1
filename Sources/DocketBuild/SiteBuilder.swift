import DocketDiagnostics
import DocketMarkdown
import DocketSite
import DocketTheme
import Foundation

/// The whole `docket build`: load, render every page in parallel, write aside, swap in.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildResult {
        let loaded: LoadedSite
        let theme = ThemePreload()
        do {
            loaded = try SiteLoader.load(options, prerendersBodies: true) { config, root, source in
                theme.start(config: config, root: root, source: source)
            }
        } catch {
            return BuildResult(diagnostics: error.diagnostics, succeeded: false, pagesWritten: 0, output: "")
        }
        let target: URL
        do {
            target = try OutputGuard.check(
                output: loaded.output.url, display: loaded.output.display,
                guarded: OutputGuard.guarded(for: loaded), force: options.force)
        } catch {
            return refusal(error, loaded: loaded)
        }
        let result = publish(
            loaded, strict: options.strict, folder: OutputFolder(target: target, display: loaded.output.display),
            preloadedTheme: theme)
        if options.keepsSiteUntilExit { KeptSites.keep(loaded) }
        return result
    }

    static func refusal(_ error: OutputRefusal, loaded: LoadedSite) -> BuildResult {
        var diagnostics = Diagnostics()
        diagnostics.error(at: SourceLocation(path: loaded.output.display, line: 0, column: 0), error.message)
        var result = BuildResult(
            diagnostics: diagnostics, succeeded: false, pagesWritten: 0, output: loaded.output.display)
        result.refused = true
        return result
    }

    /// The common end of a build and of a `serve` rebuild: runbooks, theme, then the files
    /// (`only` these pages, when given), unless the content has errors.
    ///
    /// `prepared` is what serve made of the same site already (`SiteOutputs.prepare`): its
    /// runbooks and page context are used as they are, not made a second time. `preloadedTheme`
    /// is the theme a build started loading while it read the site (`ThemePreload`).
    static func publish(
        _ loaded: LoadedSite, strict: Bool, folder: OutputFolder, only: Set<String>? = nil,
        theme loadedTheme: Theme? = nil, prepared: (runbooks: RunbookSet, context: PageContext)? = nil,
        preloadedTheme: ThemePreload? = nil
    ) -> BuildResult {
        var diagnostics = loaded.diagnostics
        let timings = BuildTimings.shared
        let runbooks = prepared?.runbooks ?? timings.measure("extract runbooks") { RunbookSet.extract(from: loaded) }
        diagnostics.append(contentsOf: runbooks.diagnostics)
        if loaded.site.config.url == nil {
            // Search engines need absolute URLs in a sitemap; say why there is none rather than
            // write an empty one. Without a docket.yml the warning names the site's folder: a
            // position in a file that does not exist would send the reader looking for it.
            let configFile = ResolvedPath(SiteConfigLoader.fileName, relativeTo: loaded.root)
            if loaded.source.exists(configFile) {
                diagnostics.warning(
                    at: SourceLocation(path: configFile.display, line: 1, column: 1),
                    "no url: in docket.yml, so no sitemap.xml and no canonical links (set url: https://your.site)")
            } else {
                diagnostics.warning(
                    at: SourceLocation(path: loaded.root.display, line: 0, column: 0),
                    "no docket.yml here, so no url:, no sitemap.xml and no canonical links (write a docket.yml with url: https://your.site)"
                )
            }
        }
        let output = loaded.output.display
        func failed() -> BuildResult {
            BuildResult(diagnostics: diagnostics, succeeded: false, pagesWritten: 0, output: output)
        }
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) { return failed() }
        let theme: Theme
        if let loadedTheme {
            theme = loadedTheme
        } else {
            do {
                theme = try timings.measure("load theme") { () throws(ThemeError) -> Theme in
                    if let preloaded = preloadedTheme?.take() { return try preloaded.get() }
                    return try ThemeFolder.load(for: loaded)
                }
            } catch {
                diagnostics.append(Diagnostic.error(at: error.location, error.message))
                return failed()
            }
        }
        let lock: OutputLock?
        do {
            lock = try folder.prepare()
        } catch {
            diagnostics.append(Diagnostic.error(at: SourceLocation(path: output, line: 0, column: 0), error.message))
            return failed()
        }
        defer { lock?.release() }
        do {
            let written = try write(
                loaded, runbooks: runbooks, theme: theme, into: folder, only: only, context: prepared?.context)
            try timings.measure("swap output in") { () throws -> Void in try folder.commit() }
            var result = BuildResult(diagnostics: diagnostics, succeeded: true, pagesWritten: written, output: output)
            result.uncheckedLinks = loaded.pages.reduce(0) { $0 + $1.uncheckedLinks }
            return result
        } catch {
            folder.discard()
            diagnostics.append(
                Diagnostic.error(
                    at: SourceLocation(path: output, line: 0, column: 0), "the site was not written: \(error)"))
            return failed()
        }
    }

    /// Writes the site's files: every page, or only `only` (sources) when given, and always the
    /// site-wide files (category and tag pages, 404, sitemap, search and sidebar data, assets).
    static func write(
        _ loaded: LoadedSite, runbooks: RunbookSet, theme: Theme, into folder: OutputFolder, only: Set<String>? = nil,
        context prepared: PageContext? = nil
    ) throws -> Int {
        let site = loaded.site
        let pageRunbooks = SiteOutputs.pageRunbooks(site, runbooks)
        let timings = BuildTimings.shared
        // The theme's files and the sidebar data need no rendered page: made while the page
        // context is made (mostly on one core) and the pages render.
        let siteWide = BackgroundWork { () -> (failure: OutputWriteError?, sidebar: String) in
            var failure: OutputWriteError?
            do throws(OutputWriteError) {
                // The theme's bundled mermaid is written only when a page draws a diagram with it.
                for asset in theme.assets(for: site) {
                    try folder.write(asset.content, to: "assets/docket/" + asset.path)
                }
            } catch {
                failure = error
            }
            return (failure, SidebarJSONFile.render(site))
        }
        // The search index, in batches run among the pages (`PageWork`). Each search file is
        // written as soon as it is complete, so the search data never all sit in memory next to
        // the pages being rendered.
        let search = SearchIndexBuild<OutputWriteError>(site, releasingSections: true)
        let writeSearchFile = { @Sendable (path: String, content: String) throws(OutputWriteError) -> Void in
            try folder.write(content, to: "assets/docket/" + path)
        }

        // The navbar, footer and drawer header, rendered once for the whole site where the theme
        // allows it (`Theme.bound`); pages and generated pages then show them as text. They read
        // only the site's settings, so they are rendered while the page context is made: on the
        // way to the pages, this was 13M instructions on one core (callgrind), at any size of site.
        let versioned = loaded.versions != nil
        let binding = BackgroundWork { theme.bound(to: site.config, versioned: versioned) }

        let context: PageContext
        do {
            context = try timings.measure("page context, sidebar") { () throws(ThemeError) -> PageContext in
                if let prepared { return prepared }
                return try PageContext(site: site, theme: theme, runbooks: pageRunbooks)
            }
        } catch {
            // The search files are being written into the folder the caller discards.
            _ = siteWide.wait()
            throw error
        }
        let versionMenu = VersionedOutput.menu(loaded)
        let pageTheme = binding.wait()

        // Pages, in parallel: each writes its own file.
        let pages = only.map { wanted in loaded.pages.filter { wanted.contains($0.page.source) } } ?? loaded.pages
        let work = PageWork.interleaved(pages: pages.count, searchBatches: search.batchCount)
        let failures = timings.measure("render + write pages") {
            work.parallelMap { work -> String? in
                let resolved: ResolvedPage
                switch work {
                case .searchBatch(let batch):
                    search.run(batch: batch, emit: writeSearchFile)
                    return nil
                case .page(let index):
                    resolved = pages[index]
                }
                do {
                    let html = try pageTheme.render(
                        "page",
                        page: VersionedOutput.decorate(
                            context.page(resolved), loaded, menu: versionMenu, docID: resolved.page.id))
                    guard
                        let file = URLPath.outputFile(
                            for: resolved.page.permalink, trailingSlash: site.config.trailingSlash)
                    else { return nil }
                    try folder.write(html, to: file)
                    // Written: its prerendered body is not read again (a failed page stops the build).
                    resolved.page.parsed.prepared?.releaseHTML()
                    return nil
                } catch {
                    return "\(resolved.page.parsed.displayPath): \(error)"
                }
            }
        }
        let siteWideFiles = timings.measure("site-wide files (wait)") { siteWide.wait() }
        let searchFailure = search.wait()
        if let failure = failures.compactMap({ $0 }).first { throw BuildFailure(message: failure) }
        var count = pages.count

        count += try timings.measure("category, tag, 404 pages") { () throws -> Int in
            var written = 0
            for index in site.generatedIndexes {
                let data = try context.cardsPage(
                    title: index.title, description: index.description, url: URLPath.encode(index.permalink),
                    cards: context.cards(for: index.items))
                if let file = URLPath.outputFile(for: index.permalink, trailingSlash: site.config.trailingSlash) {
                    try folder.write(
                        try pageTheme.render(
                            "category", VersionedOutput.decorate(data, loaded, menu: versionMenu, docID: nil)), to: file
                    )
                    written += 1
                }
            }
            written += try writeTagPages(site, context: context, theme: pageTheme, folder: folder)

            try folder.write(try pageTheme.render("404", context.plainPage(title: "Page Not Found")), to: "404.html")
            if site.pageIndexByRoute[Site.routeKey(site.config.baseURL)] == nil {
                // No page is the home page: send visitors of the site root to the first doc.
                if let first = TagPages.firstURL(site) {
                    try folder.write(
                        try theme.render(
                            "redirect", context.plainPage(title: site.config.title, target: URLPath.encode(first))),
                        to: URLPath.outputFile(for: site.config.baseURL) ?? "index.html")
                }
            }
            return written
        }
        try timings.measure("sitemap") { () throws -> Void in
            if let sitemap = Sitemap.render(VersionedOutput.sitemapSite(loaded)) {
                try folder.write(sitemap, to: "sitemap.xml")
            }
        }
        try timings.measure("sidebar.json") { () throws -> Void in
            try folder.write(siteWideFiles.sidebar, to: "assets/docket/sidebar.json")
        }
        try timings.measure("site-wide files") { () throws -> Void in
            if let failure = searchFailure ?? siteWideFiles.failure { throw failure }
        }
        count += try timings.measure("other doc versions") { () throws -> Int in
            try VersionedOutput.write(loaded, theme: theme, menu: versionMenu, into: folder)
        }
        try timings.measure("runbooks, static, assets") { () throws -> Void in
            // Files served under the base URL (`/handbook/…`) live in that folder of the output.
            let prefix = OutputFolder.basePrefix(site.config)
            for (name, content) in runbooks.files {
                try folder.write(content, to: prefix + "runbooks/" + name)
            }

            for file in site.staticFiles {
                try folder.copy(loaded.staticFolder.url.appendingPathComponent(file), to: prefix + file)
            }
            var assets = Set<String>()
            for page in loaded.pages { assets.formUnion(page.assets) }
            for asset in assets.sorted() {
                try folder.copy(
                    loaded.content.url.appendingPathComponent(asset), to: prefix + "assets/content/" + asset)
            }
        }
        return count
    }

    private static func writeTagPages(_ site: Site, context: PageContext, theme: Theme, folder: OutputFolder) throws
        -> Int
    {
        let files = try TagPages.files(site, context: context, theme: theme)
        for file in files { try folder.write(file.data, to: file.path) }
        return files.count
    }

}
