import DocketDiagnostics
import DocketMarkdown

/// One Markdown file after the per-page stage: front matter read, body parsed once into a tree
/// with heading ids, and everything later stages need collected from it. No site-wide knowledge.
public struct ParsedPage: Sendable {
    /// Path relative to the content folder, `/`-separated (`guides/01-setup.md`).
    public var source: String
    /// The path shown in diagnostics (relative to where docket runs, as the user typed it).
    public var displayPath: String
    public var frontMatter: FrontMatter
    public var document: MarkdownNode
    public var toc: [TOCEntry]
    /// Every anchor the page defines (heading ids, explicit ids included).
    public var anchors: Set<String>
    /// The leading `# Title` of the body, as Docusaurus reads it for the metadata title.
    public var contentTitle: String?
    /// The first line of prose, used when the front matter gives no description.
    public var excerpt: String?
    public var links: [LinkReference]
    public var diagnostics: Diagnostics
    /// The MDX components the page uses (`<Tabs>`, `<DocCardList/>`), found while it was parsed:
    /// the build asks three times a page, and each answer was a walk of the tree.
    public var components: Set<MDXComponent> = []
    /// True when a ```` ```mermaid ```` block is anywhere in the tree (an admonition too), found
    /// while the page was parsed: a page loads the diagram script only then, and the site writes
    /// the bundled copy only when one page does (a walk of every page, between two stages).
    public var hasMermaidDiagram = false
    /// The rendered body and search sections a build keeps instead of `document`, which is then
    /// empty (see `PreparedBody`); nil when the page keeps its tree (every command but `build`,
    /// and the pages `PreparedBody.of` leaves alone).
    public var prepared: PreparedBody?

    /// Renders the body and gathers the search sections, then drops the tree, unless the page
    /// must keep it; the TOC entries' titles are rendered then too.
    mutating func prepare(renderer: HTMLRenderer) {
        guard let body = PreparedBody.of(self, renderer: renderer) else { return }
        prepared = body
        document = MarkdownNode(.document)
        // The TOC's titles too: rendered with links as text, they need no resolved URL.
        for index in toc.indices { toc[index].prerenderTitle(with: renderer) }
    }

    /// A page of nothing, left in a list a page was moved out of (see `SiteAssembler`). Makes no
    /// allocation: its strings are empty and its collections the shared empty ones.
    static var placeholder: ParsedPage {
        ParsedPage(
            source: "", displayPath: "", frontMatter: FrontMatter(), document: MarkdownNode(.document), toc: [],
            anchors: [], contentTitle: nil, excerpt: nil, links: [], diagnostics: Diagnostics())
    }
}
