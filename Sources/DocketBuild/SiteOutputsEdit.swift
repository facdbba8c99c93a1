import DocketDiagnostics
import DocketMarkdown
import DocketRunbooks
import DocketSite
import Foundation

extension SiteOutputs {
    /// The site after the pages `sources` (content-relative) were edited, and the units the
    /// edit changes, when the edit stays inside those pages: same front matter, title, excerpt
    /// and anchors, no runbook, no problem before or after. Then the sidebar, URLs, navigation
    /// and every other page are unchanged, and only those pages and the search data (plus
    /// newly linked assets and, for a diagram, the theme assets) need writing. Nil otherwise:
    /// the caller loads the whole site again. `texts`: what was read, by source.
    public func updating(_ sources: Set<String>) -> (outputs: SiteOutputs, changed: Set<OutputUnit>, texts: [String: String])? {
        var loaded = self.loaded
        var changed: Set<OutputUnit> = [.search]
        var texts: [String: String] = [:]
        for source in sources {
            guard let siteIndex = loaded.site.pageIndexBySource[source], let index = resolvedIndex[source],
                  runbooks.idBySource[source] == nil else { return nil }
            let old = loaded.site.pages[siteIndex]
            guard old.parsed.diagnostics.isEmpty, loaded.pages[index].diagnostics.isEmpty,
                  case .success(let text) = SourceText.read(loaded.content.url.appendingPathComponent(source), display: old.parsed.displayPath)
            else { return nil }
            let parsed = PageParser.parse(text: text, source: source, displayPath: old.parsed.displayPath)
            texts[source] = text
            guard parsed.diagnostics.isEmpty, parsed.contentTitle == old.parsed.contentTitle, parsed.excerpt == old.parsed.excerpt,
                  parsed.anchors == old.parsed.anchors,
                  Self.sameFrontMatter(parsed.frontMatter, old.frontMatter) else { return nil }
            let (runbook, problems) = RunbookExtractor.extract(parsed, sourceLabel: loaded.contentLabel + source)
            guard runbook == nil, problems.isEmpty else { return nil }
            var page = old
            page.parsed = parsed
            loaded.site.pages[siteIndex] = page
            let resolved = LinkResolver(site: loaded.site).resolve(page)
            guard resolved.diagnostics.isEmpty else { return nil }
            for asset in resolved.assets.subtracting(loaded.pages[index].assets) { changed.insert(.contentAsset(asset)) }
            // Whether the bundled mermaid is written depends on every page: let the theme
            // assets be worked out again when a diagram may have come or gone.
            if Self.mayDrawDiagram(parsed.document) || Self.mayDrawDiagram(old.parsed.document) { changed.insert(.themeAssets) }
            loaded.pages[index] = resolved
            changed.insert(.page(source))
        }
        return (SiteOutputs(loaded: loaded, theme: theme, runbooks: runbooks, context: context, diagnostics: diagnostics,
                            resolvedIndex: resolvedIndex), changed, texts)
    }

    /// Every field equal. The locations are a dictionary, whose printed order differs between
    /// two equal values, so they are compared by key; the rest prints in a fixed order.
    private static func sameFrontMatter(_ a: FrontMatter, _ b: FrontMatter) -> Bool {
        guard a.locations.count == b.locations.count,
              a.locations.allSatisfy({ key, value in b.locations[key].map { "\($0)" } == "\(value)" }) else { return false }
        var a = a, b = b
        a.locations = [:]
        b.locations = [:]
        return String(reflecting: a) == String(reflecting: b)
    }

    /// A code block whose info string names mermaid, at any depth.
    private static func mayDrawDiagram(_ root: MarkdownNode) -> Bool {
        var found = false
        root.walk { node in
            if !found, case .codeBlock(let info, _) = node.kind, info.contains("mermaid") { found = true }
        }
        return found
    }
}
