import DocketMarkdown

/// What a page's tree defines and points at, gathered in one walk when the page is parsed: the
/// anchors links may name (heading ids, HTML and MDX ids, footnotes) and every link and image,
/// in document order, where it is written. The same walk shows each node to the page's checks
/// (`MDXSyntaxCheck`, `DirectiveCheck`): a walk of their own each copied every node again.
/// Nodes are read where they stand in their arrays, by index, not handed to a `MarkdownWalker`:
/// a node passed to a mutating method is copied (its payload and children retained and
/// released), for every node of every page.
struct PageReferences {
    private(set) var anchors = Set<String>()
    private(set) var links: [LinkReference] = []
    /// The MDX components of the page.
    private(set) var components = Set<MDXComponent>()
    /// A ```` ```mermaid ```` block was seen.
    private(set) var hasMermaidDiagram = false
    /// Where the code blocks tagged as runbook steps (`step=`) start, with their step names: on
    /// a page without `runbook:` front matter nothing runs them (`PageParser` warns).
    private(set) var stepBlocks: [(name: String, range: SourceRange)] = []
    private(set) var mdxCheck: MDXSyntaxCheck
    private(set) var directiveCheck: DirectiveCheck

    /// `path` is the page as diagnostics name it.
    init(path: String) {
        mdxCheck = MDXSyntaxCheck(path: path)
        directiveCheck = DirectiveCheck(path: path)
    }

    /// Reads `root` and everything below it.
    mutating func read(_ root: MarkdownNode) {
        [root].withUnsafeBufferPointer { read($0) }
    }

    private mutating func read(_ nodes: UnsafeBufferPointer<MarkdownNode>) {
        for index in nodes.indices {
            switch nodes[index].kind {
            case .heading(let id?, _):
                anchors.insert(id)
            case .htmlInline(let html), .htmlBlock(let html):
                anchors.formUnion(HTMLAnchorIDs.ids(in: html))
                mdxCheck.inspect(html: html, at: nodes[index].range)
            case .mdx(let element):
                if let id = element.string("id"), !id.isEmpty { anchors.insert(id) }
                if let component = element.component { components.insert(component) }
            case .footnoteDefinition(let label):
                anchors.formUnion(HTMLRenderer.footnoteAnchorIDs(label: label) + ["footnote-label"])
            case .link(let destination, _):
                links.append(LinkReference(kind: .link, destination: destination, range: nodes[index].range))
            case .image(let source, _):
                links.append(LinkReference(kind: .image, destination: source, range: nodes[index].range))
            case .codeBlock(_, let info):
                if info.language == "mermaid" { hasMermaidDiagram = true }
                if let name = info.attribute("step") { stepBlocks.append((name, nodes[index].range)) }
            case .directive(let directive):
                directiveCheck.inspect(directive, at: nodes[index].range)
            default:
                break
            }
            nodes[index].children.withUnsafeBufferPointer { read($0) }
        }
    }
}
