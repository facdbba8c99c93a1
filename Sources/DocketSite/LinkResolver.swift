import DocketDiagnostics
import DocketMarkdown

/// Resolves every link of a page the Docusaurus way (compat §3.4) and reports broken links and
/// anchors where they are written. Reads the assembled site; runs per page, in parallel.
public struct LinkResolver: Sendable {
    public let site: Site

    public init(site: Site) {
        self.site = site
    }

    /// The URL prefix of copied content assets (`/assets/content/`).
    public var assetsBaseURL: String { URLPath.join([site.config.baseURL, site.config.contentAssetsFolder]) }

    public func resolve(_ page: Page) -> ResolvedPage {
        resolve(page, rewrite: true)
    }

    /// Checks every link of the page (diagnostics, assets) but keeps its parsed tree: the
    /// rewritten one is made by `rewritten` when the page renders. Holding a rewritten tree of
    /// every page from load to the end of the build costs a build of 10,000 pages ~190 MiB.
    public func check(_ page: Page) -> ResolvedPage {
        resolve(page, rewrite: false)
    }

    /// The page with its links rewritten to site URLs (itself when they already are).
    public func rewritten(_ resolved: ResolvedPage) -> ResolvedPage {
        guard !resolved.linksRewritten else { return resolved }
        var page = resolved
        page.document = resolve(resolved.page, rewrite: true).document
        page.linksRewritten = true
        return page
    }

    private func resolve(_ page: Page, rewrite: Bool) -> ResolvedPage {
        var diagnostics = Diagnostics()
        var assets = Set<String>()
        var unchecked = 0
        var document = page.parsed.document
        if !page.parsed.links.isEmpty {
            document.update { node in
                switch node.kind {
                case .link(let destination, let title):
                    let url = resolve(destination, isImage: false, in: page, node: node, diagnostics: &diagnostics, assets: &assets, uncheckedLinks: &unchecked)
                    if rewrite, url != destination { node.kind = .link(destination: url, title: title) }
                case .image(let source, let title):
                    let url = resolve(source, isImage: true, in: page, node: node, diagnostics: &diagnostics, assets: &assets, uncheckedLinks: &unchecked)
                    if rewrite, url != source { node.kind = .image(source: url, title: title) }
                default:
                    break
                }
            }
        }
        if page.parsed.document.contains(component: .docCardList) { checkDocCardLists(on: page, diagnostics: &diagnostics) }
        return ResolvedPage(page: page, document: document, assets: assets, diagnostics: diagnostics, uncheckedLinks: unchecked,
                            linksRewritten: rewrite)
    }

    /// `<DocCardList/>` lists the items of the sidebar category whose index page this is
    /// (Docusaurus's `useCurrentSidebarCategory()`, in the sidebar the page displays). On any
    /// other page it would render nothing: said where it is written, never silently.
    private func checkDocCardLists(on page: Page, diagnostics: inout Diagnostics) {
        let items = site.sidebars.isEmpty ? site.sidebar : site.sidebarItems(for: page.id)
        func isIndex(_ items: [SidebarItem]) -> Bool {
            items.contains { item in
                guard case .category(let category) = item else { return false }
                if case .doc(let id)? = category.link, id == page.id { return true }
                return isIndex(category.items)
            }
        }
        guard !isIndex(items) else { return }
        page.parsed.document.walk { node in
            guard case .mdx(let element) = node.kind, element.component == .docCardList else { return }
            diagnostics.warning(at: SourceLocation(path: page.parsed.displayPath, line: element.line, column: element.column),
                "<DocCardList/> shows the items of the sidebar category whose index page this is, but '\(page.id)' is no category's index page in the sidebar it shows: it renders nothing (Docusaurus fails the build here); link the page from a category, or list the cards by hand")
        }
    }

    private func resolve(_ destination: String, isImage: Bool, in page: Page, node: MarkdownNode,
                         diagnostics: inout Diagnostics, assets: inout Set<String>, uncheckedLinks: inout Int) -> String {
        let location = SourceLocation(path: page.parsed.displayPath, line: node.range.startLine, column: node.range.startColumn)
        if destination.isEmpty || URLPath.isExternal(destination) { return destination }
        if destination.hasPrefix("#") {
            checkAnchor(String(destination.dropFirst()), of: page, link: destination, at: location, diagnostics: &diagnostics)
            return destination
        }
        let (rawPath, suffix) = URLPath.splitSuffix(destination)
        let path = URLPath.decode(rawPath)
        let lower = path.lowercased()

        if lower.hasSuffix(".md") || lower.hasSuffix(".mdx") {
            for candidate in markdownCandidates(path, from: page.source) {
                if let index = site.pageIndexBySource[candidate] {
                    let target = site.pages[index]
                    if let fragment = URLPath.fragment(suffix) {
                        checkAnchor(fragment, of: target, link: destination, at: location, diagnostics: &diagnostics)
                    }
                    return URLPath.encode(target.permalink) + suffix
                }
            }
            report(brokenLink: destination, at: location,
                   "no page at \(markdownCandidates(path, from: page.source).first ?? path) in the content folder", diagnostics: &diagnostics)
            return destination
        }

        // A file of the content folder (an image next to the page, a download).
        if !path.hasPrefix("/") {
            let candidate = Self.normalize(directory(of: page.source) + path)
            if let candidate, site.contentFiles.contains(candidate) {
                assets.insert(candidate)
                return URLPath.encode(assetsBaseURL + candidate) + suffix
            }
        }

        // A URL path: resolved against the page's URL, then looked up among routes and static files.
        var absolute = path.hasPrefix("/") ? path : URLPath.resolve(path, from: page.permalink)
        if path.hasPrefix("/") && site.config.baseURL != "/" && !absolute.hasPrefix(site.config.baseURL) {
            absolute = URLPath.join([site.config.baseURL, absolute])
        }
        let key = Site.routeKey(absolute)
        if site.routes.contains(key) {
            if let fragment = URLPath.fragment(suffix), let target = pageAt(key) {
                checkAnchor(fragment, of: target, link: destination, at: location, diagnostics: &diagnostics)
            }
            // Links to pages take the site's trailing-slash form (Docusaurus's <Link>); files keep theirs.
            if site.config.trailingSlash != nil, pageAt(key) != nil || site.generatedIndexes.contains(where: { Site.routeKey($0.permalink) == key }) {
                absolute = URLPath.applyTrailingSlash(absolute, site.config.trailingSlash, baseURL: site.config.baseURL)
            }
            return URLPath.encode(absolute) + suffix
        }
        if site.config.isExternalPath(absolute) {
            // Served by another program (externalPaths): left as written, not checked.
            uncheckedLinks += 1
            return URLPath.encode(absolute) + suffix
        }
        report(brokenLink: destination, at: location,
               isImage ? "no such file (resolved as \(absolute))" : "no page or file is served at \(absolute)",
               diagnostics: &diagnostics)
        return destination
    }

    private func pageAt(_ routeKey: String) -> Page? {
        site.pageIndexByRoute[routeKey].map { site.pages[$0] }
    }

    /// Where Docusaurus looks for a Markdown link target, as content-relative paths, in order.
    func markdownCandidates(_ path: String, from source: String) -> [String] {
        let dir = directory(of: source)
        var raw: [String]
        if path.hasPrefix("./") || path.hasPrefix("../") {
            raw = [dir + path]
            // Docusaurus resolves the file on disk, so `../docs/b.md` from `docs/a.md` leaves the
            // content folder and comes back into it: the same file as `./b.md`.
            let content = site.config.contentDirectory.split(separator: "/").joined(separator: "/")
            if !content.isEmpty, Self.normalize(dir + path) == nil,
               let onDisk = Self.normalize(content + "/" + dir + path), onDisk.hasPrefix(content + "/") {
                raw.append(String(onDisk.dropFirst(content.count + 1)))
            }
        } else if path.hasPrefix("/") {
            raw = [String(path.dropFirst())]
            let contentPrefix = site.config.contentDirectory.split(separator: "/").joined(separator: "/") + "/"
            if path.dropFirst().hasPrefix(contentPrefix) { raw.append(String(path.dropFirst(1 + contentPrefix.count))) }
        } else {
            raw = [dir + path, path]
        }
        return raw.compactMap(Self.normalize)
    }

    private func directory(of source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return "" }
        return String(source[...slash])
    }

    /// Resolves `.` and `..` in a content-relative path; nil when it climbs out of the folder.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    private func checkAnchor(_ anchor: String, of target: Page, link: String, at location: SourceLocation, diagnostics: inout Diagnostics) {
        let decoded = URLPath.decode(anchor)
        guard !decoded.isEmpty, !target.parsed.anchors.contains(decoded) else { return }
        let message = "broken anchor in link '\(link)': \(target.parsed.displayPath) has no heading with the id '\(decoded)'"
        switch site.config.onBrokenAnchors {
        case .error: diagnostics.error(at: location, message)
        case .warn: diagnostics.warning(at: location, message)
        case .ignore: break
        }
    }

    private func report(brokenLink link: String, at location: SourceLocation, _ detail: String, diagnostics: inout Diagnostics) {
        let message = "broken link '\(link)': \(detail)"
        switch site.config.onBrokenLinks {
        case .error: diagnostics.error(at: location, message)
        case .warn: diagnostics.warning(at: location, message)
        case .ignore: break
        }
    }
}
