/// The number of each footnote: its definitions in document order, the first one of a label
/// counting (cmark-gfm has already ordered them by first reference).
enum FootnoteNumbers {
    static func of(_ root: MarkdownNode) -> [String: Int] {
        var numbers: [String: Int] = [:]
        if case .footnoteDefinition(let label) = root.kind { numbers[label] = 1 }
        if root.mayHoldBlocks { collect(root.children, into: &numbers) }
        return numbers
    }

    /// Reads the nodes where they stand in their array: this runs on every page a build renders,
    /// and a `MarkdownWalker` copied each block it passed (its payload and children retained and
    /// released), which was most of its time on pages without footnotes.
    private static func collect(_ nodes: [MarkdownNode], into numbers: inout [String: Int]) {
        nodes.withUnsafeBufferPointer { nodes in
            for index in nodes.indices {
                if case .footnoteDefinition(let label) = nodes[index].kind, numbers[label] == nil {
                    numbers[label] = numbers.count + 1
                }
                // Definitions are blocks: nothing below a paragraph, heading or table is one.
                if nodes[index].mayHoldBlocks { collect(nodes[index].children, into: &numbers) }
            }
        }
    }
}
