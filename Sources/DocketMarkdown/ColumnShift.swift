/// Adds bytes to the columns of nodes on some lines: text that was parsed on its own (an
/// admonition title, a tag's inline content) or dedented before parsing gets the columns of the
/// file back. A start column moves when the node starts on a shifted line, an end column when it
/// ends on one; nodes without a position stay as they are.
struct ColumnShift: MarkdownRewriter {
    /// Bytes to add, by 1-based file line.
    let shifts: [Int: Int]

    init(shifts: [Int: Int]) {
        self.shifts = shifts
    }

    /// Shifts the columns of one line.
    init(line: Int, by bytes: Int) {
        shifts = [line: bytes]
    }

    mutating func rewrite(_ node: inout MarkdownNode) {
        if node.range.isKnown {
            if let shift = shifts[node.range.startLine] { node.range.startColumn += shift }
            if let shift = shifts[node.range.endLine] { node.range.endColumn += shift }
        }
        rewriteChildren(of: &node)
    }
}
