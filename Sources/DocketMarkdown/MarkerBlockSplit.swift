/// Takes the marker lines the MDX and directive scanners wrote back out of the HTML blocks that
/// swallowed them. A marker line is an HTML comment, so cmark-gfm starts a block with it; but
/// a line just before it that starts an HTML block of kind 6 or 7 (`<iframe …>`, `<img/>`,
/// `<td><b>x</b></td>`, a lone placeholder `<q0  >`) runs on over the marker up to the next
/// blank line. Each marker line becomes its own block again and the lines between stay HTML
/// blocks, so the markers pair up as written.
enum MarkerBlockSplit {
    /// `children` with every HTML block that holds a marker line after its first line split at
    /// its marker lines. `isMarker(line, text)` says whether file line `line`, with its
    /// indentation removed, is a marker.
    static func split(_ children: [MarkdownNode], isMarker: (Int, Substring) -> Bool) -> [MarkdownNode] {
        guard children.contains(where: { holdsLaterMarker($0, isMarker) }) else { return children }
        var result: [MarkdownNode] = []
        result.reserveCapacity(children.count + 4)
        for child in children {
            guard holdsLaterMarker(child, isMarker), case .htmlBlock(let html) = child.kind else {
                result.append(child)
                continue
            }
            let lines = html.split(separator: "\n", omittingEmptySubsequences: false)
            var run: [Substring] = []
            var runStart = child.range.startLine
            func flush(before line: Int) {
                // A run is what lies between markers: kept as HTML, trailing newline and all.
                guard run.contains(where: { !$0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }) else {
                    run = []; return
                }
                let text = run.joined(separator: "\n") + "\n"
                result.append(
                    MarkdownNode(
                        .htmlBlock(text),
                        range: SourceRange(
                            startLine: runStart, startColumn: child.range.startColumn, endLine: line - 1,
                            endColumn: max(1, run.last?.utf8.count ?? 1))))
                run = []
            }
            for (offset, line) in lines.enumerated() {
                let number = child.range.startLine + offset
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if isMarker(number, trimmed) {
                    flush(before: number)
                    let indent = line.utf8.count - trimmed.utf8.count
                    result.append(
                        MarkdownNode(
                            .htmlBlock(String(line) + "\n"),
                            range: SourceRange(
                                startLine: number, startColumn: child.range.startColumn + (offset == 0 ? 0 : indent),
                                endLine: number,
                                endColumn: line.utf8.count)))
                    runStart = number + 1
                } else if offset < lines.count - 1 || !line.isEmpty {
                    if run.isEmpty { runStart = number }
                    run.append(line)
                }
            }
            flush(before: child.range.startLine + lines.count)
        }
        return result
    }

    /// `split` applied to the children of every block of the tree. A rewriter: the arrays of
    /// blocks that hold no such HTML block are kept, not rebuilt.
    static func splitAll(_ node: MarkdownNode, isMarker: (Int, Substring) -> Bool) -> MarkdownNode {
        withoutActuallyEscaping(isMarker) { isMarker in
            var tree = node
            var splitter = Splitter(isMarker: isMarker)
            tree.rewrite(with: &splitter)
            return tree
        }
    }

    private struct Splitter: MarkdownRewriter {
        let isMarker: (Int, Substring) -> Bool

        mutating func rewrite(_ node: inout MarkdownNode) {
            // HTML blocks stand in block containers only.
            guard node.mayHoldBlocks, !node.children.isEmpty else { return }
            if node.children.contains(where: { MarkerBlockSplit.holdsLaterMarker($0, isMarker) }) {
                node.children = MarkerBlockSplit.split(node.children, isMarker: isMarker)
            }
            rewriteChildren(of: &node, where: \.mayHoldBlocks)
        }
    }

    fileprivate static func holdsLaterMarker(_ node: MarkdownNode, _ isMarker: (Int, Substring) -> Bool) -> Bool {
        guard case .htmlBlock(let html) = node.kind, node.range.isKnown, html.holdsByte(0x0A) else { return false }
        var offset = 0
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            if offset > 0, isMarker(node.range.startLine + offset, line.drop { $0 == " " || $0 == "\t" }) {
                return true
            }
            offset += 1
        }
        return false
    }
}
