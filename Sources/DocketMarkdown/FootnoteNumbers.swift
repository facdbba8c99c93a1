/// The number of each footnote: its definitions in document order, the first one of a label
/// counting (cmark-gfm has already ordered them by first reference).
struct FootnoteNumbers: MarkdownWalker {
    private(set) var numbers: [String: Int] = [:]

    static func of(_ root: MarkdownNode) -> [String: Int] {
        var walker = FootnoteNumbers()
        root.walk(with: &walker)
        return walker.numbers
    }

    mutating func visit(_ node: MarkdownNode) {
        if case .footnoteDefinition(let label) = node.kind, numbers[label] == nil {
            numbers[label] = numbers.count + 1
        }
        // Definitions are blocks: nothing below a paragraph, heading or table is one.
        if node.mayHoldBlocks { descend(into: node) }
    }
}
