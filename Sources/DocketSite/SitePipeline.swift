import DocketDiagnostics
import DocketMarkdown
import DocketYAML

/// The front of every command, pure: config → content inventory → pages parsed (in parallel) →
/// categories → assembled site → other versions → links checked (in parallel). Every file comes
/// from `source`; every path is computed from `root`; the result is a value.
public struct SitePipeline: Sendable {
    public var source: any SiteSource
    /// The site folder holding docket.yml.
    public var root: ResolvedPath
    /// The content folder given by the caller (`--content`); by default docket.yml's or `docs/`.
    public var content: ResolvedPath?
    /// The static folder given by the caller (`--static`); by default docket.yml's.
    public var staticFolder: ResolvedPath?
    /// Overrides of docket.yml (`--base-url`, `--broken-links`, `--drafts`).
    public var baseURL: String?
    public var brokenLinks: SiteConfig.Severity?
    public var includeDrafts = false
    /// Pages parsed by an earlier load (`docket serve`), reused when their text is unchanged.
    public var cache: (any ParsedPageStore)?
    public var timer: any StageTimer = UntimedStages()
    /// Render each page's body as soon as it is parsed and keep that instead of its tree
    /// (`ParsedPage.prepared`): what `docket build` does. Off for the commands that read the
    /// trees later (serve, check, runbooks, list). Pages read
    /// through `cache` keep their trees: serve renders them again after edits.
    public var prerendersBodies = false
    /// Told how many pages a content folder holds once it is scanned, before any is read: once,
    /// or on a versioned site once for each version's folder (the docket binary sizes its heap's
    /// pages by it; see `Allocator` there).
    public var pagesFound: (@Sendable (_ count: Int) -> Void)?
    /// Told the site's settings as soon as docket.yml is read and found sound, before the content
    /// is scanned (once, for the primary version): a build starts loading its theme then, beside
    /// the scan and the parsing, instead of after them.
    public var configured: (@Sendable (_ config: SiteConfig) -> Void)?

    public init(source: any SiteSource, root: ResolvedPath) {
        self.source = source
        self.root = root
    }

    /// Loads the site. Problems in pages, links and docket.yml are in the result's
    /// diagnostics; it throws only when there is no site to show (see `SiteLoadFailure`).
    public func load() throws(SiteLoadFailure) -> SiteLoad {
        try load(version: nil, config: nil)
    }

    /// - Parameters:
    ///   - version: one version of a versioned site, loaded by `VersionedPipeline` with the
    ///     site's `config`; its links are left for the caller to resolve (pages is empty).
    func load(version: DocVersion?, config preloaded: SiteConfig?) throws(SiteLoadFailure) -> SiteLoad {
        var diagnostics = Diagnostics()
        var config: SiteConfig
        var configText: String?
        if let preloaded { config = preloaded } else { (config, configText) = readConfig(&diagnostics) }
        if let baseURL { config.baseURL = SiteConfigLoader.normalizedBaseURL(baseURL) }
        if let brokenLinks { config.onBrokenLinks = brokenLinks }
        config.includeDrafts = includeDrafts
        // With versions.json, each version is loaded with its own URL part, folder and sidebar.
        let versions = VersionedPipeline(pipeline: self)
        let versionPlan = version == nil ? versions.plan(config: config, diagnostics: &diagnostics) : nil
        let activeVersion = version ?? versionPlan?.set.primary
        if let activeVersion {
            versions.apply(activeVersion, primary: version == nil, to: &config, diagnostics: &diagnostics)
        }

        let content = contentFolder(version: activeVersion, config: config)
        // Links like `/docs/x.md` name the content folder from the site root: keep its real name.
        let rootPath = root.url.standardizedFileURL.path + "/"
        if content.url.standardizedFileURL.path.hasPrefix(rootPath) {
            config.contentDirectory = String(content.url.standardizedFileURL.path.dropFirst(rootPath.count))
        }
        let staticFolder = self.staticFolder ?? ResolvedPath(config.staticDirectory, relativeTo: root)
        guard source.exists(content) else {
            diagnostics.append(missingContent(content, config: config, configText: configText))
            throw SiteLoadFailure(diagnostics: diagnostics)
        }
        // An error in docket.yml or versions.json stops the load after the pages are read: their
        // own problems (front matter, Markdown, category files, file names) do not depend on the
        // settings and are reported in the same run, while assembly and link checks would judge
        // the pages by settings the user did not mean (a lost baseUrl breaks every link).
        let settingsFailed = diagnostics.hasErrors
        if version == nil && !settingsFailed { configured?(config) }

        let inventory = timer.measure("scan content folder") {
            ContentInventory.scan(content, in: source, exclude: config.exclude, include: config.include)
        }
        for name in inventory.badNames {
            diagnostics.error(
                at: SourceLocation(path: content.display + "/" + ContentInventory.visible(name), line: 0, column: 0),
                "this file name holds a control character (\(ContentInventory.visible(name))); rename the file: it cannot be part of a URL"
            )
        }
        pagesFound?(inventory.pages.count)
        guard !inventory.pages.isEmpty else {
            diagnostics.error(
                at: SourceLocation(path: content.display, line: 0, column: 0),
                "no pages: the content folder holds no .md or .mdx file")
            throw SiteLoadFailure(diagnostics: diagnostics)
        }
        let parsed = parse(inventory.pages, in: content, config: config, diagnostics: &diagnostics)
        let categories = readCategories(inventory.categoryFiles, in: content, diagnostics: &diagnostics)
        if settingsFailed { throw SiteLoadFailure(diagnostics: diagnostics) }
        var staticFiles = Set<String>()
        if source.exists(staticFolder) {
            let listing = source.staticFiles(in: staticFolder)
            staticFiles = Set(listing.files)
            diagnostics.append(contentsOf: listing.diagnostics)
        }
        // Handed over, not shared: the assembler moves each parsed page into the site.
        var pending = Optional(consume parsed)
        var site = timer.measure("assemble site") {
            SiteAssembler.assemble(
                parsed: pending.take() ?? [], categories: categories, config: config, staticFiles: staticFiles,
                contentFiles: inventory.otherFiles, contentDisplayPath: content.display)
        }
        if config.showLastUpdateTime || config.showLastUpdateAuthor {
            site.lastUpdates = timer.measure("git last updates") { source.lastUpdates(in: content) }
        }
        diagnostics.append(contentsOf: site.diagnostics)
        if version != nil {
            return SiteLoad(
                content: content, staticFolder: staticFolder, site: site, pages: [], diagnostics: diagnostics)
        }
        var loadedVersions: VersionedContent?
        if let versionPlan {
            let others = try versions.loadOthers(versionPlan, config: config, primary: &site, diagnostics: &diagnostics)
            loadedVersions = VersionedContent(set: versionPlan.set, others: others)
        }

        let resolver = LinkResolver(site: site)
        // Checked now (the diagnostics decide whether the build goes on); each page's links are
        // rewritten when it renders, so the rewritten trees never all exist at once.
        let resolved = timer.measure("resolve links") { site.pages.parallelMap { resolver.resolve($0) } }
        // By index: `for page in` copied every page (a retain of each of its many parts).
        for index in resolved.indices { diagnostics.append(contentsOf: resolved[index].diagnostics) }
        return SiteLoad(
            content: content, staticFolder: staticFolder, site: site, pages: resolved,
            diagnostics: diagnostics, versions: loadedVersions)
    }

    /// docket.yml read into the defaults, when there is one; its text for locating problems.
    private func readConfig(_ diagnostics: inout Diagnostics) -> (SiteConfig, String?) {
        var config = SiteConfig()
        let path = ResolvedPath(SiteConfigLoader.fileName, relativeTo: root)
        guard source.exists(path) else { return (config, nil) }
        switch source.read(path) {
        case .success(let text):
            diagnostics.append(contentsOf: SiteConfigLoader.load(text, path: path.display, into: &config))
            return (config, text)
        case .failure(let problem):
            diagnostics.append(problem)
            return (config, nil)
        }
    }

    /// A version's folder, the given folder, docket.yml's, or `docs/` when docket.yml names
    /// none and only `docs/` exists.
    private func contentFolder(version: DocVersion?, config: SiteConfig) -> ResolvedPath {
        if let folder = version?.contentFolder { return ResolvedPath(folder, relativeTo: root) }
        if let content { return content }
        let named = ResolvedPath(config.contentDirectory, relativeTo: root)
        let docs = ResolvedPath("docs", relativeTo: root)
        if !config.contentDirectoryIsExplicit, !source.exists(named), source.exists(docs) { return docs }
        return named
    }

    /// Reads and parses every page on every core (through the cache when there is one).
    private func parse(_ pages: [String], in content: ResolvedPath, config: SiteConfig, diagnostics: inout Diagnostics)
        -> [ParsedPage]
    {
        let source = self.source
        let cache = self.cache
        // The folder's path once; each page's path and display name are joined as text.
        let folder = content.url.path
        let folderPrefix = folder.hasSuffix("/") ? folder : folder + "/"
        let displayPrefix = content.display + "/"
        let renderer: HTMLRenderer? = prerendersBodies ? Self.bodyRenderer(config) : nil
        let results = timer.measure("read + parse pages") {
            pages.parallelMap { page -> Result<ParsedPage, Diagnostic> in
                let display = displayPrefix + page
                return source.read(atPath: folderPrefix + page, display: display).map { text in
                    guard let cache else {
                        var parsed = PageParser.parse(text: text, source: page, displayPath: display)
                        if let renderer { parsed.prepare(renderer: renderer) }
                        return parsed
                    }
                    return cache.page(source: page, text: text) {
                        PageParser.parse(text: text, source: page, displayPath: display)
                    }
                }
            }
        }
        var parsed: [ParsedPage] = []
        parsed.reserveCapacity(results.count)
        // Each page moved out of the results (last first, so the list is reversed first): read
        // with `for result in results`, every page was copied, each of its parts retained, and
        // the results' copies released after.
        var remaining = consume results
        remaining.reverse()
        while let result = remaining.popLast() {
            switch consume result {
            case .success(let page):
                diagnostics.append(contentsOf: MDXSetting.applied(page.diagnostics, config: config))
                parsed.append(page)
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }
        return parsed
    }

    /// How bodies are rendered when they are prerendered: the site's emoji setting, no more.
    static func bodyRenderer(_ config: SiteConfig) -> HTMLRenderer {
        var renderer = HTMLRenderer()
        renderer.emoji = config.markdownEmoji
        return renderer
    }

    /// The `_category_` files by folder; the first one of a folder wins.
    private func readCategories(_ files: [String], in content: ResolvedPath, diagnostics: inout Diagnostics) -> [String:
        CategoryMetadata]
    {
        var categories: [String: CategoryMetadata] = [:]
        var categorySources: [String: String] = [:]
        for file in files {
            let path = content.appending(file)
            let folder = file.split(separator: "/").dropLast().joined(separator: "/")
            if let other = categorySources[folder] {
                diagnostics.warning(
                    at: SourceLocation(path: path.display, line: 1, column: 1),
                    "\(other) is also a category file for this folder; this one is ignored")
                continue
            }
            switch source.read(path) {
            case .success(let text):
                let (metadata, problems) = CategoryMetadata.parse(text, path: path.display)
                diagnostics.append(contentsOf: problems)
                if let metadata {
                    categories[folder] = metadata
                    categorySources[folder] = path.display
                }
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }
        return categories
    }

    /// Where the missing content folder was named: the `content:` line of docket.yml, the
    /// caller (`--content`), or nowhere (neither default folder exists).
    private func missingContent(_ content: ResolvedPath, config: SiteConfig, configText: String?) -> Diagnostic {
        if self.content != nil {
            return .error(
                at: SourceLocation(path: content.display, line: 0, column: 0),
                "the content folder given by --content does not exist")
        }
        let configPath = ResolvedPath(SiteConfigLoader.fileName, relativeTo: root)
        if config.contentDirectoryIsExplicit {
            var location = SourceLocation(path: configPath.display, line: 0, column: 0)
            if let text = configText, let node = (try? YAMLParser.parse(text))??["content"] {
                location = SourceLocation(path: configPath.display, line: node.line, column: node.column)
            }
            return .error(at: location, "the content folder '\(content.display)' named here does not exist")
        }
        return .error(
            at: SourceLocation(path: root.display, line: 0, column: 0),
            "no content folder: neither \(ResolvedPath("content", relativeTo: root).display)/ nor \(ResolvedPath("docs", relativeTo: root).display)/ exists (create one, pass --content DIR, or set content: in docket.yml)"
        )
    }
}
