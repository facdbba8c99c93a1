/// Every `<DocCardList/>` element of a tree, in document order.
public struct DocCardLists: MarkdownWalker {
    public private(set) var found: [MDXElement] = []

    public init() {}

    public mutating func visit(_ node: MarkdownNode) {
        if case .mdx(let element) = node.kind, element.component == .docCardList { found.append(element) }
        descend(into: node)
    }
}
