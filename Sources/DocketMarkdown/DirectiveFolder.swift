import DocketDiagnostics

/// Turns the marker blocks left by `DirectiveScanner` into `.directive` nodes that own the blocks
/// between their opening and closing markers.
struct DirectiveFolder {
    let openings: [DirectiveScanner.Opening]
    let markerLines: Set<Int>
    /// File line of each closing fence → its column.
    var closeColumns: [Int: Int] = [:]
    let path: String
    var diagnostics = Diagnostics()
    /// Limits broken (deep folding, deep titles), at file positions.
    var problems: [MarkdownProblem] = []
    /// Directives open around the children being folded.
    private var depth = 0
    private var tooDeepReported = false

    /// `markerLines`, ascending.
    private let sortedMarkerLines: [Int]

    init(openings: [DirectiveScanner.Opening], markerLines: Set<Int>, path: String) {
        self.openings = openings
        self.markerLines = markerLines
        self.path = path
        sortedMarkerLines = markerLines.sorted()
    }

    /// Folds every marker pair of the tree. Recursion follows the tree, whose depth the parser
    /// caps, plus one level per open directive, capped here: markers whose closing fence sits
    /// in another container (a list item) would otherwise nest every later opening.
    mutating func fold(_ node: MarkdownNode) -> MarkdownNode {
        // Markers are HTML blocks, which stand in block containers only: a paragraph, heading or
        // table is kept as it is (rebuilding every children array of the page was most of the fold).
        guard node.mayHoldBlocks, spansMarkerLine(node.range) else { return node }
        var copy = node
        copy.children = fold(children: node.children)
        return copy
    }

    /// False when no marker line lies within `range` (a block container's lines), so that no
    /// marker can be below the node: its subtree is kept as it is instead of rebuilt. A range
    /// the parser did not give (line 0) could hold one.
    private func spansMarkerLine(_ range: SourceRange) -> Bool {
        guard range.startLine > 0, range.endLine >= range.startLine else { return true }
        // The first marker line at or after the start, by bisection.
        var low = 0
        var high = sortedMarkerLines.count
        while low < high {
            let middle = (low + high) / 2
            if sortedMarkerLines[middle] < range.startLine { low = middle + 1 } else { high = middle }
        }
        return low < sortedMarkerLines.count && sortedMarkerLines[low] <= range.endLine
    }

    private mutating func fold(children: [MarkdownNode]) -> [MarkdownNode] {
        let children = liftNestedCloses(children)
        var result: [MarkdownNode] = []
        var i = 0
        while i < children.count {
            let child = children[i]
            if let open = marker(child, prefix: DirectiveScanner.openPrefix), depth >= DirectiveScanner.maxNesting {
                if !tooDeepReported {
                    tooDeepReported = true
                    problems.append(
                        MarkdownProblem(
                            line: child.range.startLine, column: child.range.startColumn,
                            message:
                                "':::\(openings[open].name)' is nested deeper than \(DirectiveScanner.maxNesting) levels of ':::' containers (is a closing ':::' inside a list?); its content is shown without the container"
                        ))
                }
                i += 1
                continue
            }
            if let open = marker(child, prefix: DirectiveScanner.openPrefix) {
                let close = children[(i + 1)...].firstIndex { marker($0, prefix: DirectiveScanner.closePrefix) == open }
                let end = close ?? children.count
                depth += 1
                let inner = fold(children: Array(children[(i + 1)..<end]))
                depth -= 1
                let opening = openings[open]
                let title = opening.titleSource.map { source -> MarkdownNode in
                    let parsed = CmarkParser.parse(source, lineOffset: opening.line - 1)
                    problems += parsed.problems.map { problem in
                        var shifted = problem
                        if shifted.line == opening.line { shifted.column += opening.titleColumn - 1 }
                        return shifted
                    }
                    var node = MarkdownNode(
                        .directiveTitle, children: parsed.root.firstParagraphInlines,
                        range: SourceRange(
                            startLine: opening.line, startColumn: opening.titleColumn,
                            endLine: opening.line, endColumn: opening.titleColumn + max(source.utf8.count, 1) - 1))
                    // The title was parsed alone, from its one line: its columns count from the
                    // title's first character. The title node itself has the file's columns.
                    var shift = ColumnShift(line: opening.line, by: opening.titleColumn - 1)
                    shift.rewriteChildren(of: &node)
                    return node
                }
                var range = child.range
                if let close {
                    range.endLine = children[close].range.endLine; range.endColumn = children[close].range.endColumn
                } else if let last = inner.last {
                    range.endLine = last.range.endLine; range.endColumn = last.range.endColumn
                }
                result.append(
                    .directive(
                        name: opening.name, fenceLength: opening.fenceLength, title: title, blocks: inner, range: range)
                )
                i = (close ?? end) + 1
                continue
            }
            if marker(child, prefix: DirectiveScanner.closePrefix) != nil {
                diagnostics.warning(
                    at: SourceLocation(path: path, line: child.range.startLine, column: child.range.startColumn),
                    "this ':::' closes a directive opened at another nesting level (inside a list or quote?); it was ignored"
                )
                i += 1
                continue
            }
            result.append(fold(child))
            i += 1
        }
        return result
    }

    // MARK: closing fences inside a list

    /// Brings a closing fence that cmark-gfm put inside a list of the directive's content back
    /// to the directive's level. micromark-extension-directive tries the closing fence at each
    /// line start before the content's own containers, with at most 3 spaces of indentation
    /// (prettier indents it into the list: `- two\n  :::`), so the list ends there and what
    /// follows the fence follows the directive. A fence in a quote is the quote's (`> :::`
    /// starts with `>`).
    private func liftNestedCloses(_ children: [MarkdownNode]) -> [MarkdownNode] {
        guard !openings.isEmpty, children.contains(where: { marker($0, prefix: DirectiveScanner.openPrefix) != nil })
        else { return children }
        var children = children
        let closedHere = Set(children.compactMap { marker($0, prefix: DirectiveScanner.closePrefix) })
        var i = 0
        while i < children.count {
            if let open = marker(children[i], prefix: DirectiveScanner.openPrefix), !closedHere.contains(open) {
                for j in (i + 1)..<children.count {
                    if marker(children[j], prefix: DirectiveScanner.openPrefix) != nil { break }
                    if let split = splitAtClose(children[j], open: open) {
                        children.replaceSubrange(j...j, with: split)
                        break
                    }
                }
            }
            i += 1
        }
        return children
    }

    /// A list (or list item) split around the closing fence of opening `open` inside it:
    /// the part before (if any), the fence's marker, then the nodes after it, lifted out.
    private func splitAtClose(_ node: MarkdownNode, open: Int) -> [MarkdownNode]? {
        let isItem: Bool
        switch node.kind {
        case .item: isItem = true
        case .list: isItem = false
        default: return nil
        }
        for (k, child) in node.children.enumerated() {
            var lifted: [MarkdownNode]
            if isItem, marker(child, prefix: DirectiveScanner.closePrefix) == open {
                let column = closeColumns[child.range.startLine] ?? child.range.startColumn
                guard column - openings[open].column <= 3 else { return nil }
                lifted = [child]
            } else if let inner = splitAtClose(child, open: open) {
                lifted = inner
            } else {
                continue
            }
            // `lifted` is [part of the child before the fence?, fence, after…].
            let fence = lifted.firstIndex { marker($0, prefix: DirectiveScanner.closePrefix) == open } ?? 0
            var before = node
            before.children = Array(node.children[..<k]) + Array(lifted[..<fence])
            if let last = before.children.last {
                before.range.endLine = last.range.endLine; before.range.endColumn = last.range.endColumn
            }
            var after = Array(lifted[(fence + 1)...])
            let rest = Array(node.children[(k + 1)...])
            if !rest.isEmpty {
                if isItem {
                    after += rest
                } else {
                    // The items after the fence make a list of their own.
                    var list = node
                    list.children = rest
                    list.range.startLine = rest[0].range.startLine
                    list.range.startColumn = rest[0].range.startColumn
                    after.append(list)
                }
            }
            return (before.children.isEmpty ? [] : [before]) + [lifted[fence]] + after
        }
        return nil
    }

    /// The opening a marker block names, when `node` is a marker the scanner wrote.
    private func marker(_ node: MarkdownNode, prefix: String) -> Int? {
        // An indented fence keeps its indentation in the block's text.
        guard case .htmlBlock(let html) = node.kind, markerLines.contains(node.range.startLine) else { return nil }
        // Bytes: the prefix and the digits are ASCII, and a Substring's `hasPrefix(String)`
        // compared Characters (over 13,000 instructions a marker).
        let bytes = html.utf8
        var cursor = bytes.startIndex
        while cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") {
            cursor = bytes.index(after: cursor)
        }
        guard bytes[cursor...].starts(with: prefix.utf8) else { return nil }
        cursor = bytes.index(cursor, offsetBy: prefix.utf8.count)
        var index = 0
        var digits = 0
        while cursor < bytes.endIndex {
            let digit = bytes[cursor] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            // More digits than any opening's number could have: no marker of ours.
            guard digits < 18 else { return nil }
            index = index * 10 + Int(digit)
            digits += 1
            cursor = bytes.index(after: cursor)
        }
        guard digits > 0, openings.indices.contains(index) else { return nil }
        return index
    }
}

extension MarkdownNode {
    /// The inline children of the first paragraph (used for directive titles).
    var firstParagraphInlines: [MarkdownNode] {
        for child in children {
            if case .paragraph = child.kind { return child.children }
        }
        return []
    }
}
