import DocketDiagnostics

/// Loading a versioned site (`versions.json` beside docket.yml): which versions are built, each
/// version's folder, URL prefix and sidebar, and the versions beside the primary one. Every
/// version goes through the same `SitePipeline`; links are resolved once every version's
/// routes are known, so a link to another version's page is not broken.
struct VersionedPipeline {
    /// The pipeline of the primary version, whose source and root every version shares.
    var pipeline: SitePipeline

    /// What the top-level load needs to finish a versioned site.
    struct Plan {
        var set: VersionSet
        /// The navbar and footer links with their docket.yml locations, checked against the
        /// routes of every version (the assembler of one version sees only its own routes).
        var links: [(link: SiteConfig.NavLink, inNavbar: Bool)]
    }

    /// The versions to build, or nil for an unversioned site (no versions.json and no version
    /// options): then nothing changes. Without versions.json, the options still apply to the one
    /// version, current (`versions: {current: {path: next}}` moves it, as in Docusaurus).
    /// Problems are located in versions.json or docket.yml.
    func plan(config: SiteConfig, diagnostics: inout Diagnostics) -> Plan? {
        let root = pipeline.root
        let source = pipeline.source
        let file = ResolvedPath(VersionsFile.fileName, relativeTo: root)
        let options = config.versioning
        var listed: [(name: String, location: SourceLocation)] = []
        if !source.exists(file) {
            if options.disableVersioning, let at = options.disableVersioningLocation {
                diagnostics.error(at: at, "disableVersioning: true on a site without versions.json does not make sense")
                return nil
            }
            guard
                options.lastVersion != nil || options.onlyIncludeVersions != nil || !options.versions.isEmpty
                    || !options.includeCurrentVersion
            else { return nil }
        } else {
            guard let names = names(in: file, diagnostics: &diagnostics) else { return nil }
            listed = names
        }
        let (set, problems) = VersionSet.make(listed: listed, options: options, versionsFile: file.display) { folder in
            source.isFolder(ResolvedPath(folder, relativeTo: root))
        }
        diagnostics.append(contentsOf: problems)
        guard let set else { return nil }
        return Plan(set: set, links: config.navLinks)
    }

    /// Where the content files of a version other than the primary one are copied.
    func assetsFolder(of version: DocVersion) -> String { "assets/versions/\(version.name)/" }

    /// The names of versions.json, or nil when it cannot be used (the problems are reported).
    private func names(in file: ResolvedPath, diagnostics: inout Diagnostics) -> [(
        name: String, location: SourceLocation
    )]? {
        switch pipeline.source.read(file) {
        case .success(let text):
            let (names, problems) = VersionsFile.parse(text, path: file.display)
            diagnostics.append(contentsOf: problems)
            return names
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        }
    }

    /// Sets `config` up for `version`: its URL part, its sidebar (the versioned sidebars file;
    /// none when that file is missing, as in Docusaurus), and no navbar check in the assembler.
    func apply(_ version: DocVersion, primary: Bool, to config: inout SiteConfig, diagnostics: inout Diagnostics) {
        config.versionPathPart = version.pathPart
        if !primary { config.contentAssetsFolder = assetsFolder(of: version) }
        config.navbar = config.navbar.map {
            var link = $0; link.location = nil; return link
        }
        config.footerLinks = config.footerLinks.map {
            var link = $0; link.location = nil; return link
        }
        // editUrl names the current docs folder; a versioned page is edited in its own folder
        // (Docusaurus: editUrl + versioned_docs/version-X/ + the page's path).
        if let folder = version.contentFolder, let edit = config.editURL {
            let current = config.contentDirectory.split(separator: "/").joined(separator: "/") + "/"
            let base = edit.hasSuffix("/") ? edit : edit + "/"
            if base.hasSuffix("/" + current) { config.editURL = String(base.dropLast(current.count)) + folder + "/" }
        }
        guard let sidebarFile = version.sidebarFile else { return }
        let file = ResolvedPath(sidebarFile, relativeTo: pipeline.root)
        config.sidebars = []
        guard pipeline.source.exists(file) else { return }
        switch pipeline.source.read(file) {
        case .success(let text):
            let (sidebars, problems) = VersionedSidebarJSON.parse(text, path: file.display)
            diagnostics.append(contentsOf: problems)
            config.sidebars = sidebars ?? []
        case .failure(let problem):
            diagnostics.append(problem)
        }
    }

    /// Loads every version but the primary one (whose site is `primary`), adds all routes to every
    /// version so links across versions resolve, resolves the other versions' links and checks
    /// the navbar and footer links.
    func loadOthers(_ plan: Plan, config: SiteConfig, primary: inout Site, diagnostics: inout Diagnostics)
        throws(SiteLoadFailure) -> [LoadedVersion]
    {
        // Another version is read without the cache: its pages share sources with the
        // primary's, and the cache keeps one page per source.
        var others = pipeline
        others.cache = nil
        var loaded: [LoadedVersion] = []
        // Only a version that could not be loaded stops here; problems in its pages are the
        // caller's to weigh, as for the primary version (`docket list` shows them as warnings).
        var failed = false
        for version in plan.set.versions where version != plan.set.primary {
            do {
                let load = try others.load(version: version, config: config)
                diagnostics.append(contentsOf: load.diagnostics)
                loaded.append(LoadedVersion(version: version, content: load.content, site: load.site, pages: []))
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
                failed = true
            }
        }
        if failed { throw SiteLoadFailure(diagnostics: diagnostics) }
        var routes = primary.routes
        for other in loaded { routes.formUnion(other.site.routes) }
        primary.routes = routes
        for index in loaded.indices {
            loaded[index].site.routes = routes
            let resolver = LinkResolver(site: loaded[index].site)
            loaded[index].pages = loaded[index].site.pages.parallelMap { resolver.resolve($0) }
            for page in loaded[index].pages { diagnostics.append(contentsOf: page.diagnostics) }
        }
        // A navbar or footer link to a path no version serves is broken.
        config.checkNavLinks(plan.links, routes: routes, diagnostics: &diagnostics)
        return loaded
    }
}
