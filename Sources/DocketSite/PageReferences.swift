import DocketMarkdown

/// What a page's tree defines and points at, gathered in one walk when the page is parsed: the
/// anchors links may name (heading ids, HTML and MDX ids, footnotes) and every link and image,
/// in document order, where it is written. The same walk shows each node to the page's checks
/// (`MDXSyntaxCheck`, `DirectiveCheck`): a walk of their own each copied every node again.
struct PageReferences: MarkdownWalker {
    private(set) var anchors = Set<String>()
    private(set) var links: [LinkReference] = []
    /// The MDX components of the page.
    private(set) var components = Set<MDXComponent>()
    private(set) var mdxCheck: MDXSyntaxCheck
    private(set) var directiveCheck: DirectiveCheck

    /// `path` is the page as diagnostics name it.
    init(path: String) {
        mdxCheck = MDXSyntaxCheck(path: path)
        directiveCheck = DirectiveCheck(path: path)
    }

    mutating func visit(_ node: MarkdownNode) {
        switch node.kind {
        case .heading(let id?, _):
            anchors.insert(id)
        case .htmlInline(let html), .htmlBlock(let html):
            anchors.formUnion(HTMLAnchorIDs.ids(in: html))
        case .mdx(let element):
            if let id = element.string("id"), !id.isEmpty { anchors.insert(id) }
            if let component = element.component { components.insert(component) }
        case .footnoteDefinition(let label):
            anchors.formUnion(HTMLRenderer.footnoteAnchorIDs(label: label) + ["footnote-label"])
        case .link(let destination, _):
            links.append(LinkReference(kind: .link, destination: destination, range: node.range))
        case .image(let source, _):
            links.append(LinkReference(kind: .image, destination: source, range: node.range))
        default:
            break
        }
        mdxCheck.inspect(node)
        directiveCheck.inspect(node)
        descend(into: node)
    }
}
