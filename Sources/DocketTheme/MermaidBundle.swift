import DocketMarkdown
import DocketSite

/// The copy of mermaid the default theme ships under `assets/vendor/mermaid/` (script, licence,
/// version), so diagrams render offline, on an intranet and under a strict CSP. It is written to
/// the output only when a page has a diagram and `mermaid.script` does not name another script.
public enum MermaidBundle {
    /// The folder under the theme's `assets/`.
    public static let folder = "vendor/mermaid/"
    /// The script, relative to the theme's `assets/` (and to `assets/docket/` in the output).
    public static let script = folder + "mermaid.min.js"

    /// True when some page of `site` (listed or not: an unlisted page is still built) has a
    /// ```` ```mermaid ```` block.
    public static func isUsed(by site: Site) -> Bool {
        site.pages.indices.contains { site.pages[$0].parsed.hasMermaidDiagram }
    }

    /// True when the bundled copy must be in the output: a page has a diagram and the site uses
    /// the bundled script (an empty `mermaid.script`).
    public static func isNeeded(by site: Site) -> Bool {
        site.config.mermaidScript.isEmpty && isUsed(by: site)
    }

    /// The URL pages load mermaid from: the bundled copy, or `mermaid.script` (a URL, or a path
    /// under the site's base URL).
    static func scriptURL(config: SiteConfig) -> String {
        if config.mermaidScript.isEmpty { return URLPath.join([config.baseURL, "assets/docket/", script]) }
        return URLPath.isExternal(config.mermaidScript)
            ? config.mermaidScript : URLPath.join([config.baseURL, config.mermaidScript])
    }

}
