/// The labels of a tree's footnote references, each once, in the order of their first reference:
/// the order cmark-gfm gives the definitions, and the numbers the renderer writes.
struct FootnoteReferences: MarkdownWalker {
    private(set) var labels: [String] = []
    private var seen = Set<String>()

    mutating func visit(_ node: MarkdownNode) {
        if case .footnoteReference(let label) = node.kind, seen.insert(label).inserted { labels.append(label) }
        descend(into: node)
    }
}
