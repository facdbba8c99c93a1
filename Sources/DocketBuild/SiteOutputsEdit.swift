import DocketDiagnostics
import DocketMarkdown
import DocketRunbooks
import DocketSite
import Foundation

extension SiteOutputs {
    /// The site after the pages `sources` (content-relative) were edited, and the units the
    /// edit changes, when the edit stays inside those pages: same front matter, title, excerpt
    /// and anchors, no runbook, no problem before or after (but for the same MDX warnings). Then the sidebar, URLs, navigation
    /// and every other page are unchanged, and only those pages and the search data (plus
    /// newly linked assets and, for a diagram, the theme assets) need writing. Nil otherwise:
    /// the caller loads the whole site again. `texts`: what was read, by source.
    public func updating(_ sources: Set<String>) -> (
        outputs: SiteOutputs, changed: Set<OutputUnit>, texts: [String: String]
    )? {
        // The edited pages are kept aside (`edited`), not written into the site's arrays: a
        // copy of 10,000 pages costs more than the whole edit.
        var edited = self.edited
        var changed: Set<OutputUnit> = [.search]
        var texts: [String: String] = [:]
        for source in sources {
            guard let index = resolvedIndex[source], runbooks.idBySource[source] == nil else { return nil }
            let before = edited[source] ?? loaded.pages[index]
            let old = before.page
            // Problems of the page are allowed only as warnings that stay exactly the same
            // (`markdown.mdx.unknownComponents: warn`, applied as the load applies it): the
            // site's diagnostics are carried over unchanged.
            let config = loaded.site.config
            let oldProblems = MDXSetting.applied(old.parsed.diagnostics, config: config)
            guard !oldProblems.hasErrors, before.diagnostics.isEmpty,
                case .success(let text) = loaded.source.read(loaded.content.appending(source))
            else { return nil }
            let parsed = PageParser.parse(text: text, source: source, displayPath: old.parsed.displayPath)
            texts[source] = text
            guard MDXSetting.applied(parsed.diagnostics, config: config).all == oldProblems.all,
                parsed.contentTitle == old.parsed.contentTitle, parsed.excerpt == old.parsed.excerpt,
                parsed.anchors == old.parsed.anchors,
                Self.sameFrontMatter(parsed.frontMatter, old.frontMatter)
            else { return nil }
            let (runbook, problems) = RunbookExtractor.extract(parsed, sourceLabel: loaded.contentLabel + source)
            guard runbook == nil, problems.isEmpty else { return nil }
            var page = old
            page.parsed = parsed
            // Other pages are read for their URLs and anchors only, which an edit here keeps.
            let resolved = LinkResolver(site: loaded.site).resolve(page)
            guard resolved.diagnostics.isEmpty else { return nil }
            for asset in resolved.assets.subtracting(before.assets) { changed.insert(.contentAsset(asset)) }
            // Whether the bundled mermaid is written depends on every page: let the theme
            // assets be worked out again when a diagram may have come or gone.
            if Self.mayDrawDiagram(parsed.document) || Self.mayDrawDiagram(old.parsed.document) {
                changed.insert(.themeAssets)
            }
            edited[source] = resolved
            changed.insert(.page(source))
        }
        let next = SiteOutputs(
            loaded: loaded, theme: theme, runbooks: runbooks, context: context, diagnostics: diagnostics,
            resolvedIndex: resolvedIndex)
        next.edited = edited
        next.categories = categories
        return (next, changed, texts)
    }

    /// The parsed page of `source` as the site now has it, edits included.
    public func parsedPage(_ source: String) -> ParsedPage? {
        if let page = edited[source] { return page.page.parsed }
        return loaded.site.pageIndexBySource[source].map { loaded.site.pages[$0].parsed }
    }

    /// The loaded site with the edited pages in place (a copy: for the files that read every
    /// page, which are written in the background).
    var current: LoadedSite {
        guard !edited.isEmpty else { return loaded }
        var site = loaded
        for (source, resolved) in edited {
            if let index = resolvedIndex[source] { site.pages[index] = resolved }
            if let index = site.site.pageIndexBySource[source] { site.site.pages[index] = resolved.page }
        }
        return site
    }

    /// Every field equal. The locations are a dictionary, whose printed order differs between
    /// two equal values, so they are compared by key; the rest prints in a fixed order.
    private static func sameFrontMatter(_ a: FrontMatter, _ b: FrontMatter) -> Bool {
        guard a.locations.count == b.locations.count,
            a.locations.allSatisfy({ key, value in b.locations[key].map { "\($0)" } == "\(value)" })
        else { return false }
        var a = a, b = b
        a.locations = [:]
        b.locations = [:]
        return String(reflecting: a) == String(reflecting: b)
    }

    /// A code block whose info string names mermaid, at any depth.
    private static func mayDrawDiagram(_ root: MarkdownNode) -> Bool {
        root.contains { if case .codeBlock(_, let info) = $0.kind { info.text.contains("mermaid") } else { false } }
    }
}
