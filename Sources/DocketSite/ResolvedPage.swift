import DocketDiagnostics
import DocketMarkdown

/// A page whose links have been checked and given their site URLs: what the renderer reads.
public struct ResolvedPage: Sendable {
    public var page: Page
    /// The site URL of each link and image destination of the page that is not already one
    /// (`./setup.md` → `/docs/setup`), by destination as written. The renderer looks every link
    /// up here (`HTMLRenderer.linkURLs`), so no rewritten copy of a page's tree is made: holding
    /// one for every page from load to the end of a build cost 10,000 pages ~190 MiB. Kept as a
    /// `LinkURLTable` (one string of URLs) and made a dictionary when asked, once per render.
    public var linkURLs: [String: String] {
        get { urlTable.dictionary }
        set { urlTable = LinkURLTable(newValue) }
    }
    var urlTable: LinkURLTable
    /// Content-folder files (images, downloads) this page links to, relative to the content
    /// folder; the build copies them to `assets/content/`.
    public var assets: Set<String>
    public var diagnostics: Diagnostics
    /// Links under `externalPaths`, left unchecked.
    public var uncheckedLinks = 0

    public init(
        page: Page, linkURLs: [String: String], assets: Set<String>, diagnostics: Diagnostics, uncheckedLinks: Int = 0
    ) {
        self.init(
            page: page, urlTable: LinkURLTable(linkURLs), assets: assets, diagnostics: diagnostics,
            uncheckedLinks: uncheckedLinks)
    }

    init(page: Page, urlTable: LinkURLTable, assets: Set<String>, diagnostics: Diagnostics, uncheckedLinks: Int) {
        self.page = page
        self.urlTable = urlTable
        self.assets = assets
        self.diagnostics = diagnostics
        self.uncheckedLinks = uncheckedLinks
    }

    /// The page's parsed tree, rendered with `linkURLs`.
    public var document: MarkdownNode { page.parsed.document }

    /// The tree with every link and image destination replaced by its site URL: for tests and
    /// tools that read a tree; the build renders `document` with `linkURLs` instead.
    public var rewrittenDocument: MarkdownNode {
        var tree = document
        var rewrite = LinkURLRewrite(urls: linkURLs)
        tree.rewrite(with: &rewrite)
        return tree
    }
}
