import DocketDiagnostics
import DocketSite
import DocketYAML
import Foundation

/// The front of the pipeline: config, discovery, per-page parsing (parallel), assembly, link
/// resolution (parallel).
public enum SiteLoader {
    /// Why loading stopped before a site existed.
    public struct Failure: Error {
        public var diagnostics: Diagnostics
    }

    /// - Parameter cache: pages parsed by an earlier load (`docket serve`), reused when their
    ///   text is unchanged.
    public static func load(_ options: BuildOptions, cache: (any ParsedPageStore)? = nil) throws(Failure) -> LoadedSite {
        try load(options, cache: cache, version: nil, config: nil)
    }

    /// - Parameters:
    ///   - version: one version of a versioned site, loaded by `VersionedSiteLoader` with the
    ///     site's `config`; its links are left for the caller to resolve (pages is empty).
    static func load(_ options: BuildOptions, cache: (any ParsedPageStore)?, version: DocVersion?, config preloaded: SiteConfig?) throws(Failure) -> LoadedSite {
        var diagnostics = Diagnostics()
        let root = ResolvedPath(options.root ?? ".", relativeTo: nil)
        var config = preloaded ?? SiteConfig()
        let configPath = ResolvedPath(SiteConfigLoader.fileName, relativeTo: root)
        var configText: String?
        if preloaded == nil, configPath.exists {
            switch SourceText.read(configPath.url, display: configPath.display) {
            case .success(let text):
                configText = text
                diagnostics.append(contentsOf: SiteConfigLoader.load(text, path: configPath.display, into: &config))
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }
        if let base = options.baseURL { config.baseURL = SiteConfigLoader.normalizedBaseURL(base) }
        if let severity = options.brokenLinks { config.onBrokenLinks = severity }
        config.includeDrafts = options.includeDrafts
        // With versions.json, each version is loaded with its own URL part, folder and sidebar.
        let versionPlan = version == nil ? VersionedSiteLoader.plan(root: root, config: config, diagnostics: &diagnostics) : nil
        let activeVersion = version ?? versionPlan?.set.primary
        if let activeVersion { VersionedSiteLoader.apply(activeVersion, primary: version == nil, to: &config, root: root, diagnostics: &diagnostics) }

        let content: ResolvedPath
        if let folder = activeVersion?.contentFolder {
            content = ResolvedPath(folder, relativeTo: root)
        } else if let given = options.content {
            content = ResolvedPath(given, relativeTo: nil)
        } else if !config.contentDirectoryIsExplicit, !ResolvedPath(config.contentDirectory, relativeTo: root).exists,
                  ResolvedPath("docs", relativeTo: root).exists {
            content = ResolvedPath("docs", relativeTo: root)
        } else {
            content = ResolvedPath(config.contentDirectory, relativeTo: root)
        }
        // Links like `/docs/x.md` name the content folder from the site root: keep its real name.
        let rootPath = root.url.standardizedFileURL.path + "/"
        if content.url.standardizedFileURL.path.hasPrefix(rootPath) {
            config.contentDirectory = String(content.url.standardizedFileURL.path.dropFirst(rootPath.count))
        }
        let staticFolder = options.staticDirectory.map { ResolvedPath($0, relativeTo: nil) }
            ?? ResolvedPath(config.staticDirectory, relativeTo: root)
        let output = options.output.map { ResolvedPath($0, relativeTo: nil) } ?? ResolvedPath(config.outputDirectory, relativeTo: root)

        guard content.exists else {
            diagnostics.append(missingContent(content, given: options.content != nil, config: config,
                                              configText: configText, configPath: configPath, root: root))
            throw Failure(diagnostics: diagnostics)
        }
        if diagnostics.hasErrors { throw Failure(diagnostics: diagnostics) }

        let inventory: ContentInventory
        do {
            inventory = try BuildTimings.shared.measure("scan content folder") { () throws -> ContentInventory in try ContentInventory.scan(content.url, exclude: config.exclude, include: config.include) }
        } catch {
            diagnostics.error(at: SourceLocation(path: content.display, line: 0, column: 0), "cannot read the content folder: \(error)")
            throw Failure(diagnostics: diagnostics)
        }
        for name in inventory.badNames {
            diagnostics.error(at: SourceLocation(path: contentDisplay(content, name), line: 0, column: 0),
                              "this file name holds a control character (\(ContentInventory.visible(name))); rename the file: it cannot be part of a URL")
        }
        guard !inventory.pages.isEmpty else {
            diagnostics.error(at: SourceLocation(path: content.display, line: 0, column: 0),
                              "no pages: the content folder holds no .md or .mdx file")
            throw Failure(diagnostics: diagnostics)
        }

        let contentURL = content.url
        let contentDisplay = content.display
        let timings = BuildTimings.shared
        let results = timings.measure("read + parse pages") {
            inventory.pages.parallelMap { source -> Result<ParsedPage, Diagnostic> in
                let display = contentDisplay + "/" + source
                return SourceText.read(contentURL.appendingPathComponent(source), display: display).map { text in
                    guard let cache else { return PageParser.parse(text: text, source: source, displayPath: display) }
                    return cache.page(source: source, text: text) { PageParser.parse(text: text, source: source, displayPath: display) }
                }
            }
        }
        var parsed: [ParsedPage] = []
        for result in results {
            switch result {
            case .success(let page):
                diagnostics.append(contentsOf: MDXSetting.applied(page.diagnostics, config: config))
                parsed.append(page)
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }

        var categories: [String: CategoryMetadata] = [:]
        var categorySources: [String: String] = [:]
        for file in inventory.categoryFiles {
            let display = contentDisplay + "/" + file
            let folder = file.split(separator: "/").dropLast().joined(separator: "/")
            if let other = categorySources[folder] {
                diagnostics.warning(at: SourceLocation(path: display, line: 1, column: 1),
                                    "\(other) is also a category file for this folder; this one is ignored")
                continue
            }
            switch SourceText.read(contentURL.appendingPathComponent(file), display: display) {
            case .success(let text):
                let (metadata, problems) = CategoryMetadata.parse(text, path: display)
                diagnostics.append(contentsOf: problems)
                if let metadata {
                    categories[folder] = metadata
                    categorySources[folder] = display
                }
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }

        var staticFiles = Set<String>()
        if staticFolder.exists {
            let listing = StaticFiles.list(staticFolder.url, display: staticFolder.display)
            staticFiles = Set(listing.files)
            diagnostics.append(contentsOf: listing.diagnostics)
        }
        var site = timings.measure("assemble site") {
            SiteAssembler.assemble(
                parsed: parsed, categories: categories, config: config, staticFiles: staticFiles,
                contentFiles: inventory.otherFiles, contentDisplayPath: contentDisplay)
        }
        if config.showLastUpdateTime || config.showLastUpdateAuthor {
            site.lastUpdates = timings.measure("git last updates") { GitLastUpdates.read(content: contentURL) }
        }
        diagnostics.append(contentsOf: site.diagnostics)
        if version != nil {
            return LoadedSite(root: root, content: content, staticFolder: staticFolder, output: output,
                              site: site, pages: [], diagnostics: diagnostics)
        }
        var versions: VersionedContent?
        if let versionPlan {
            let others = try VersionedSiteLoader.loadOthers(versionPlan, options: options, config: config, root: root,
                                                            primary: &site, diagnostics: &diagnostics)
            versions = VersionedContent(set: versionPlan.set, others: others)
        }

        let resolver = LinkResolver(site: site)
        // Checked now (the diagnostics decide whether the build goes on); each page's links are
        // rewritten when it renders, so the rewritten trees never all exist at once.
        let resolved = timings.measure("resolve links") { site.pages.parallelMap { resolver.check($0) } }
        for page in resolved { diagnostics.append(contentsOf: page.diagnostics) }

        return LoadedSite(root: root, content: content, staticFolder: staticFolder, output: output,
                          site: site, pages: resolved, diagnostics: diagnostics, versions: versions)
    }

    private static func contentDisplay(_ content: ResolvedPath, _ path: String) -> String {
        content.display + "/" + ContentInventory.visible(path)
    }

    /// Where the missing content folder was named: the `content:` line of docket.yml, the
    /// `--content` option, or nowhere (neither default folder exists).
    private static func missingContent(_ content: ResolvedPath, given: Bool, config: SiteConfig, configText: String?,
                                       configPath: ResolvedPath, root: ResolvedPath) -> Diagnostic {
        if given {
            return .error(at: SourceLocation(path: content.display, line: 0, column: 0),
                          "the content folder given by --content does not exist")
        }
        if config.contentDirectoryIsExplicit {
            var location = SourceLocation(path: configPath.display, line: 0, column: 0)
            if let text = configText, let node = (try? YAMLParser.parse(text))??["content"] {
                location = SourceLocation(path: configPath.display, line: node.line, column: node.column)
            }
            return .error(at: location, "the content folder '\(content.display)' named here does not exist")
        }
        return .error(at: SourceLocation(path: root.display, line: 0, column: 0),
                      "no content folder: neither \(ResolvedPath("content", relativeTo: root).display)/ nor \(ResolvedPath("docs", relativeTo: root).display)/ exists (create one, pass --content DIR, or set content: in docket.yml)")
    }
}
