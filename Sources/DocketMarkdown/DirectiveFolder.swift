import DocketDiagnostics

/// Turns the marker blocks left by `DirectiveScanner` into `.directive` nodes that own the blocks
/// between their opening and closing markers.
struct DirectiveFolder {
    let openings: [DirectiveScanner.Opening]
    let markerLines: Set<Int>
    let path: String
    var diagnostics = Diagnostics()
    /// Limits broken (deep folding, deep titles), at file positions.
    var problems: [MarkdownProblem] = []
    /// Directives open around the children being folded.
    private var depth = 0
    private var tooDeepReported = false

    init(openings: [DirectiveScanner.Opening], markerLines: Set<Int>, path: String) {
        self.openings = openings
        self.markerLines = markerLines
        self.path = path
    }

    /// Folds every marker pair of the tree. Recursion follows the tree, whose depth the parser
    /// caps, plus one level per open directive, capped here: markers whose closing fence sits
    /// in another container (a list item) would otherwise nest every later opening.
    mutating func fold(_ node: MarkdownNode) -> MarkdownNode {
        var copy = node
        if !node.isInline { copy.children = fold(children: node.children) }
        return copy
    }

    private mutating func fold(children: [MarkdownNode]) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        var i = 0
        while i < children.count {
            let child = children[i]
            if let open = marker(child, prefix: DirectiveScanner.openPrefix), depth >= DirectiveScanner.maxNesting {
                if !tooDeepReported {
                    tooDeepReported = true
                    problems.append(MarkdownProblem(
                        line: child.range.startLine, column: child.range.startColumn,
                        message: "':::\(openings[open].name)' is nested deeper than \(DirectiveScanner.maxNesting) levels of ':::' containers (is a closing ':::' inside a list?); its content is shown without the container"))
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
                    var node = MarkdownNode(.directiveTitle, children: parsed.root.firstParagraphInlines, range: SourceRange(
                        startLine: opening.line, startColumn: opening.titleColumn,
                        endLine: opening.line, endColumn: opening.titleColumn + max(source.utf8.count, 1) - 1))
                    // The title was parsed alone: its columns count from the title's first character.
                    node.update { inline in
                        guard inline.range.isKnown, inline.range.startLine == opening.line else { return }
                        if case .directiveTitle = inline.kind { return }
                        inline.range.startColumn += opening.titleColumn - 1
                        if inline.range.endLine == opening.line { inline.range.endColumn += opening.titleColumn - 1 }
                    }
                    return node
                }
                var range = child.range
                if let close { range.endLine = children[close].range.endLine; range.endColumn = children[close].range.endColumn }
                else if let last = inner.last { range.endLine = last.range.endLine; range.endColumn = last.range.endColumn }
                result.append(.directive(name: opening.name, fenceLength: opening.fenceLength, title: title, blocks: inner, range: range))
                i = (close ?? end) + 1
                continue
            }
            if marker(child, prefix: DirectiveScanner.closePrefix) != nil {
                diagnostics.warning(
                    at: SourceLocation(path: path, line: child.range.startLine, column: child.range.startColumn),
                    "this ':::' closes a directive opened at another nesting level (inside a list or quote?); it was ignored")
                i += 1
                continue
            }
            result.append(fold(child))
            i += 1
        }
        return result
    }

    /// The opening a marker block names, when `node` is a marker the scanner wrote.
    private func marker(_ node: MarkdownNode, prefix: String) -> Int? {
        guard case .htmlBlock(let html) = node.kind, html.hasPrefix(prefix), markerLines.contains(node.range.startLine) else { return nil }
        let digits = html.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        guard let index = Int(digits), openings.indices.contains(index) else { return nil }
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
