/// Every fenced or indented code block of a tree, in document order, at any depth (in lists,
/// quotes, admonitions and MDX elements too).
public struct CodeBlocks: MarkdownWalker {
    public private(set) var found: [MarkdownNode] = []

    public init() {}

    public mutating func visit(_ node: MarkdownNode) {
        if case .codeBlock = node.kind { return found.append(node) }
        descend(into: node)
    }
}

extension MarkdownNode {
    /// The code blocks of this tree, in document order.
    public var codeBlocks: [MarkdownNode] {
        var walker = CodeBlocks()
        walk(with: &walker)
        return walker.found
    }
}
