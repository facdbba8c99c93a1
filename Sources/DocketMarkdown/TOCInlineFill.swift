/// Gives every `<TOCInline/>` of a page the page's own headings, known only once every heading
/// has its id.
struct TOCInlineFill: MarkdownRewriter {
    let entries: [TOCEntry]

    mutating func rewrite(_ node: inout MarkdownNode) {
        if case .mdx(var element) = node.kind, element.component == .tocInline {
            element.toc = entries
            node.kind = .mdx(element)
        }
        rewriteChildren(of: &node)
    }
}
