import DocketMarkdown
import DocketSite

/// Builds the template data of pages. One instance per build: the site-wide parts (navbar,
/// footer, the shared sidebar) are computed once and reused by every page, from every core.
public struct PageContext: Sendable {
    public let site: Site
    let sidebar: SidebarContext
    let siteView: SiteView
    /// Where pages load mermaid from: the same for every page of the site.
    let mermaidScriptURL: String
    let renderer: HTMLRenderer
    /// Runbooks by the content-relative source of their page.
    let runbooks: [String: PageRunbook]

    /// The URL of the theme's assets.
    public var assetsURL: String { URLPath.join([site.config.baseURL, "assets/docket/"]) }

    /// - Parameter previous: a context made with the same theme for an earlier state of the site
    ///   (serve): the sidebar items whose template data did not change keep their HTML.
    public init(
        site: Site, theme: Theme, runbooks: [String: PageRunbook] = [:], renderer: HTMLRenderer = HTMLRenderer(),
        reusing previous: PageContext? = nil
    ) throws(ThemeError) {
        self.site = site
        var renderer = renderer
        renderer.emoji = site.config.markdownEmoji
        self.renderer = renderer
        self.runbooks = runbooks
        sidebar = try SidebarContext(site: site, theme: theme, reusing: previous?.sidebar.renders ?? [:])
        siteView = SiteView(config: site.config)
        mermaidScriptURL = MermaidBundle.scriptURL(config: site.config)
    }

    /// `Title | Site`, or just the site title when the page title is empty or the same.
    func htmlTitle(_ title: String) -> String {
        title.isEmpty || title == site.config.title ? site.config.title : "\(title) | \(site.config.title)"
    }

    /// The data for a doc page.
    public func page(_ resolved: ResolvedPage) throws(ThemeError) -> PageDocument {
        let page = resolved.page
        let fm = page.frontMatter
        let config = site.config

        var content = ""
        let prepared = page.parsed.prepared
        let titleIndex = prepared == nil ? resolved.document.contentTitleIndex : nil
        if !(prepared?.hasContentTitle ?? (titleIndex != nil)) && !fm.hideTitle {
            content += "<header><h1>\(page.title.htmlEscaped)</h1></header>\n"
        }
        let runbook = runbooks[page.source]
        let runbookData = runbook == nil ? nil : RunbookPageData(page: page)
        if let prepared {
            // Rendered when the page was parsed: a runbook page or one with cards is never
            // prepared (`PreparedBody.of`), so only the links are left to fill in.
            assert(runbook == nil && !page.parsed.components.contains(.docCardList))
            guard let html = prepared.html else {
                // Only a build releases a body, once the page is written: never read again.
                preconditionFailure("\(page.parsed.displayPath): the page's body was released before it was rendered")
            }
            content += html.html(linkURLs: resolved.linkURLs)
        } else {
            var pageRenderer =
                runbook.map { Self.stepLabelling($0, data: runbookData, emoji: renderer.emoji) } ?? renderer
            if page.parsed.components.contains(.docCardList) { pageRenderer.docCards = docCards(for: page) }
            pageRenderer.linkURLs = resolved.linkURLs
            content += pageRenderer.render(document: resolved.document, contentTitleIndex: titleIndex)
        }

        let toc = TOCItem.tree(
            page.parsed.toc, minLevel: fm.tocMinLevel ?? config.tocMinLevel,
            maxLevel: fm.tocMaxLevel ?? config.tocMaxLevel)
        var view = PageView(
            title: page.title,
            htmlTitle: htmlTitle(page.title),
            url: URLPath.encode(page.permalink),
            noindex: fm.unlisted,
            unlisted: fm.unlisted,
            draft: fm.draft,
            contentHTML: content,
            tags: fm.tags.map {
                TemplateLink(
                    label: $0.label,
                    url: URLPath.encode(
                        URLPath.applyTrailingSlash(
                            URLPath.join([config.docsBaseURL, "tags", $0.permalink]), config.trailingSlash,
                            baseURL: config.baseURL)))
            },
            hasToc: !fm.hideTableOfContents && !page.parsed.toc.isEmpty,
            toc: toc.map { Self.tocView($0, renderer: renderer) },
            breadcrumbs: breadcrumbs(for: page),
            sidebarHTML: try sidebar.html(activeID: page.id),
            hasMermaid: resolved.page.parsed.hasMermaidDiagram,
            hasTabs: page.parsed.components.contains(.tabs),
            mermaidScriptUrl: mermaidScriptURL)
        view.description = page.description
        view.canonicalUrl = CanonicalURL.of(page.permalink, config: config)
        if let runbook {
            view.runbook = RunbookBannerView(
                id: runbook.id, title: runbook.title, scriptUrl: runbook.scriptURL,
                stepCount: runbook.stepNumbers.count, form: runbookData?.form)
        }
        if !fm.keywords.isEmpty { view.keywords = fm.keywords.joined(separator: ", ") }
        switch fm.customEditURL {
        case .some(.some(let url)): view.editUrl = url
        case .some(.none): break
        case .none:
            if let base = config.editURL { view.editUrl = URLPath.joinEditURL(base, page.source) }
        }
        view.lastUpdate = lastUpdate(of: page)
        if let nav = site.navigation[page.id] {
            if let prev = nav.previous { view.prev = TemplateLink(label: prev.label, url: URLPath.encode(prev.url)) }
            if let next = nav.next { view.next = TemplateLink(label: next.label, url: URLPath.encode(next.url)) }
        }
        return PageDocument(site: siteView, page: view)
    }

    /// `{date, iso, author}` for "Last updated on DATE by AUTHOR", each part only when the site shows it
    /// and git or the front matter knows it.
    private func lastUpdate(of page: Page) -> PageView.LastUpdate? {
        let config = site.config
        guard config.showLastUpdateTime || config.showLastUpdateAuthor else { return nil }
        let known = (site.lastUpdates[page.source] ?? LastUpdate()).overridden(by: page.frontMatter.lastUpdate)
        var data = PageView.LastUpdate()
        if config.showLastUpdateTime, let time = known.time {
            data.date = LastUpdate.displayDate(time)
            data.iso = LastUpdate.isoDate(time)
        }
        if config.showLastUpdateAuthor, let author = known.author { data.author = author }
        return data.date == nil && data.author == nil ? nil : data
    }

    /// The data for a generated-index category page or a tag page: a title and cards.
    public func cardsPage(title: String, description: String?, url: String, cards: [CardView], activeID: String? = nil)
        throws(ThemeError) -> CardsPageDocument
    {
        let generated = GeneratedIndexPage(site: site, url: url)
        let activeID = activeID ?? generated?.sidebarKey
        // A generated index in a sidebar is crumbed like a doc: its parent categories, then its own label.
        let crumbs = activeID.map { sidebarCrumbs(key: $0, url: url, label: title) } ?? [TemplateLink(label: title)]
        var page = CardsPageView(
            title: title, htmlTitle: htmlTitle(title), url: url, sidebarHTML: try sidebar.html(activeID: activeID),
            cards: cards, breadcrumbs: crumbs, description: description)
        if let origin = CanonicalURL.origin(site.config) { page.canonicalUrl = origin + url }
        page.prev = generated?.previous
        page.next = generated?.next
        return CardsPageDocument(site: siteView, page: page)
    }

    /// Cards for the items of a category.
    public func cards(for items: [SidebarItem]) -> [CardView] {
        items.compactMap { item -> CardView? in
            guard let raw = site.url(of: item) else { return nil }
            let url: String
            if case .link = item { url = raw } else { url = URLPath.encode(raw) }
            switch item {
            case .doc(let doc):
                return CardView(label: doc.label, url: url, description: site.page(id: doc.id)?.description)
            case .category(let category):
                return CardView(label: category.label, url: url, description: "\(category.items.count) items")
            case .link(let label, _):
                return CardView(label: label, url: url)
            }
        }
    }

    /// The data for the 404 page and, with its `target`, the root redirect.
    public func plainPage(title: String, target: String? = nil) -> PlainPageDocument {
        PlainPageDocument(
            site: siteView, page: PlainPageView(title: title, htmlTitle: htmlTitle(title)), target: target)
    }

    /// A static function given the renderer, not a method passed to `map`: a method reference
    /// captured a copy of the whole context (the site, the sidebar, every field retained and
    /// released) for each list of the table of contents of every page.
    private static func tocView(_ item: TOCItem, renderer: HTMLRenderer) -> TOCView {
        TOCView(
            id: item.entry.id,
            html: item.entry.titleHTML ?? renderer.render(inlines: item.entry.title, plainLinks: true),
            children: item.children.map { tocView($0, renderer: renderer) })
    }

    private func breadcrumbs(for page: Page) -> [TemplateLink] {
        // A doc that displays no sidebar has no breadcrumbs (Docusaurus).
        if site.displayedSidebar[page.id] == nil && !site.sidebars.isEmpty { return [] }
        return sidebarCrumbs(key: page.id, url: page.permalink, label: page.sidebarLabel)
    }

    /// The crumbs of a page listed in the sidebar under `key`: the categories above it, then the
    /// page. As in Docusaurus's `getSidebarBreadcrumbs`, a category whose link is this very page
    /// ends the chain and crumbs the page by the category's label (a linked doc, a generated index).
    private func sidebarCrumbs(key: String, url current: String, label: String) -> [TemplateLink] {
        var crumbs: [TemplateLink] = []
        var items = site.sidebarItems(for: key)
        for index in site.sidebarPaths[key] ?? [] {
            guard index < items.count, case .category(let category) = items[index] else { break }
            let url = site.url(of: items[index])
            let isThisPage: Bool
            switch category.link {
            case .doc(let id)?: isThisPage = id == key
            case .generatedIndex(let i)?: isThisPage = GeneratedIndex.sidebarKey(i) == key
            case nil: isThisPage = false
            }
            if isThisPage || url == current { return crumbs + [TemplateLink(label: category.label)] }
            var crumb = TemplateLink(label: category.label)
            if let url { crumb.url = URLPath.encode(url) }
            crumbs.append(crumb)
            items = category.items
        }
        crumbs.append(TemplateLink(label: label))
        return crumbs
    }

    /// A renderer that labels each step's block with its number and name.
    static func stepLabelling(_ runbook: PageRunbook, data: RunbookPageData? = nil, emoji: Bool = true) -> HTMLRenderer
    {
        var renderer = HTMLRenderer { _, info in
            guard let name = info.attribute("step") ?? info.attribute("name"), let number = runbook.stepNumbers[name]
            else { return nil }
            if let label = data?.label(step: name) { return label }
            return "<div class=\"runbook-step-label\">Step \(number) · \(name.htmlEscaped)</div>"
        }
        renderer.emoji = emoji
        return renderer
    }
}

extension URLPath {
    /// `https://…/edit/main/docs/` + `guides/a.md`.
    static func joinEditURL(_ base: String, _ source: String) -> String {
        base.hasSuffix("/") ? base + source : base + "/" + source
    }
}
