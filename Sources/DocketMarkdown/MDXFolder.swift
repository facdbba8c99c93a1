import DocketDiagnostics

/// Turns the marker blocks left by `MDXScanner` into `.mdx` nodes that own the blocks between
/// their opening and closing tags, puts expression values back as text, and corrects the
/// columns of dedented lines. Built-in components that docket already has a node for become
/// that node: `Admonition` a directive, `CodeBlock` a code block.
struct MDXFolder {
    let scanner: MDXScanner
    let path: String
    var diagnostics = Diagnostics()
    /// Elements already reported as closed in another block, so each is reported once.
    private var reported = Set<Int>()
    /// Elements with a closing tag; the scanner reports the others as never closed.
    private let closed: Set<Int>

    init(scanner: MDXScanner, path: String) {
        self.scanner = scanner
        self.path = path
        var closed = Set<Int>()
        for events in scanner.markers {
            for case .close(let index) in events { closed.insert(index) }
        }
        self.closed = closed
    }

    mutating func fold(_ root: MarkdownNode) -> MarkdownNode {
        var root = root
        if !scanner.columnShifts.isEmpty { shiftColumns(&root) }
        if !scanner.values.isEmpty || !scanner.placeholderLines.isEmpty { root = placeholders(root) }
        if !scanner.markers.isEmpty { root = folded(root) }
        return root
    }

    // MARK: markers

    private mutating func folded(_ node: MarkdownNode) -> MarkdownNode {
        guard !node.isInline, !node.children.isEmpty else { return node }
        var copy = node
        copy.children = fold(children: node.children)
        return copy
    }

    /// One open element while its children are collected.
    private struct Frame {
        var index: Int
        var children: [MarkdownNode] = []
        var range: SourceRange
    }

    private mutating func fold(children: [MarkdownNode]) -> [MarkdownNode] {
        guard children.contains(where: { marker($0) != nil }) else { return children.map { folded($0) } }
        var result: [MarkdownNode] = []
        var stack: [Frame] = []
        func append(_ node: MarkdownNode, _ stack: inout [Frame], _ result: inout [MarkdownNode]) {
            if stack.isEmpty { result.append(node) } else { stack[stack.count - 1].children.append(node) }
        }
        for child in children {
            guard let events = marker(child) else {
                append(folded(child), &stack, &result)
                continue
            }
            for event in events {
                switch event {
                case .open(let index):
                    let element = scanner.elements[index]
                    let range = SourceRange(
                        startLine: element.line, startColumn: element.column, endLine: child.range.endLine,
                        endColumn: child.range.endColumn)
                    if element.isSelfClosing {
                        append(node(for: Frame(index: index, range: range)), &stack, &result)
                    } else {
                        stack.append(Frame(index: index, range: range))
                    }
                case .close(let index):
                    guard let position = stack.lastIndex(where: { $0.index == index }) else {
                        report(
                            index,
                            "</\(scanner.elements[index].name)> is in another block than <\(scanner.elements[index].name)> (inside a list or a quote?); it was ignored"
                        )
                        continue
                    }
                    while stack.count > position {
                        var frame = stack.removeLast()
                        frame.range.endLine = child.range.endLine
                        frame.range.endColumn = child.range.endColumn
                        append(node(for: frame), &stack, &result)
                    }
                case .inline(let text, let line, let column):
                    for inline in inlines(text, line: line, column: column) { append(inline, &stack, &result) }
                }
            }
        }
        // Elements whose closing tag sits in another block end with this block.
        while var frame = stack.popLast() {
            if !closed.contains(frame.index) { reported.insert(frame.index) }
            report(
                frame.index,
                "<\(scanner.elements[frame.index].name)> is closed in another block than the one it opens in (inside a list or a quote?); it ends here"
            )
            if let last = frame.children.last {
                frame.range.endLine = last.range.endLine; frame.range.endColumn = last.range.endColumn
            }
            append(node(for: frame), &stack, &result)
        }
        return result
    }

    private mutating func report(_ index: Int, _ message: String) {
        guard reported.insert(index).inserted else { return }
        let element = scanner.elements[index]
        diagnostics.append(
            Diagnostic(
                .error, at: SourceLocation(path: path, line: element.line, column: element.column), message,
                code: "mdx.syntax"))
    }

    /// The node an element becomes.
    private func node(for frame: Frame) -> MarkdownNode {
        let element = scanner.elements[frame.index]
        switch element.component {
        case .admonition:
            let type = element.string("type") ?? "note"
            let title = element.string("title").map {
                MarkdownNode(.directiveTitle, children: [MarkdownNode(.text($0))])
            }
            return .directive(
                name: type, fenceLength: 0, title: title, blocks: blocks(frame.children), range: frame.range)
        case .codeBlock:
            var info = element.string("language") ?? ""
            if info.isEmpty, let className = element.string("className"), className.hasPrefix("language-") {
                info = String(className.dropFirst("language-".count))
            }
            if let title = element.string("title") { info += " title=\"\(title.replacingQuotes)\"" }
            if element.attribute("showLineNumbers") != nil {
                if case .expression(let source)? = element.attribute("showLineNumbers")?.value,
                    case .number(let start)? = MDXLiteral.parse(source)
                {
                    info += " showLineNumbers=\(Int(start))"
                } else {
                    info += " showLineNumbers"
                }
            }
            if let lines = element.string("metastring") { info += " " + lines }
            var literal = element.literal ?? ""
            if !literal.isEmpty && !literal.hasSuffix("\n") { literal += "\n" }
            return MarkdownNode(
                .codeBlock(
                    literal: literal,
                    info: CodeBlockInfo(info.trimmingWhitespace.isEmpty ? "" : String(info.trimmingWhitespace))),
                range: frame.range)
        default:
            return MarkdownNode(.mdx(element), children: frame.children, range: frame.range)
        }
    }

    /// Inline children become one paragraph where a block is needed (an admonition's body).
    private func blocks(_ children: [MarkdownNode]) -> [MarkdownNode] {
        guard children.contains(where: { $0.isInline }) else { return children }
        var result: [MarkdownNode] = []
        var run: [MarkdownNode] = []
        for child in children {
            if child.isInline { run.append(child); continue }
            if !run.isEmpty { result.append(MarkdownNode(.paragraph, children: run, range: run[0].range)); run = [] }
            result.append(child)
        }
        if !run.isEmpty { result.append(MarkdownNode(.paragraph, children: run, range: run[0].range)) }
        return result
    }

    /// Inline Markdown written on a tag line, parsed at its place in the file.
    private func inlines(_ text: String, line: Int, column: Int) -> [MarkdownNode] {
        let parsed = CmarkParser.parse(text, lineOffset: line - 1)
        // The text is inline content: a tag alone (`<img …>`) that cmark-gfm reads as an HTML
        // block is inline HTML here.
        var nodes: [MarkdownNode] = []
        for child in parsed.root.children {
            switch child.kind {
            case .paragraph: nodes += child.children
            case .htmlBlock(let html):
                var inline = child
                inline.kind = .htmlInline(html.hasSuffix("\n") ? String(html.dropLast()) : html)
                nodes.append(inline)
            default: nodes.append(child)
            }
        }
        if nodes.isEmpty { return [] }
        var shift = ColumnShift(line: line, by: column - 1)
        for index in nodes.indices { nodes[index].rewrite(with: &shift) }
        var root = MarkdownNode(.paragraph, children: nodes)
        if !scanner.values.isEmpty || !scanner.placeholderLines.isEmpty { root = placeholders(root) }
        return root.children
    }

    /// The events of a marker block. cmark-gfm keeps a marker's indentation (1 to 3 spaces, a
    /// tag indented deeper than its container's content) in the block's text, so it is skipped.
    private func marker(_ node: MarkdownNode) -> [MDXScanner.Event]? {
        guard case .htmlBlock(let html) = node.kind, scanner.markerLines.contains(node.range.startLine) else {
            return nil
        }
        let text = html.drop { $0 == " " || $0 == "\t" }
        guard text.hasPrefix(MDXScanner.markerPrefix) else { return nil }
        let digits = text.dropFirst(MDXScanner.markerPrefix.count).prefix { $0.isASCII && $0.isNumber }
        guard let index = Int(digits), scanner.markers.indices.contains(index) else { return nil }
        return scanner.markers[index]
    }

    // MARK: placeholders and columns

    /// Replaces placeholder tags by the text of their expression (or by nothing).
    private func placeholders(_ node: MarkdownNode) -> MarkdownNode {
        var copy = node
        if case .htmlBlock(let html) = node.kind, scanner.placeholderLines.contains(node.range.startLine) {
            let trimmed = html.trimmingWhitespace
            if let value = placeholderValue(trimmed) {
                copy.kind = .text(value)
                return copy
            }
            if trimmed.allSatisfy({ $0 == "<" || $0 == "q" || $0 == ">" || $0 == " " || $0 == "\n" }) {
                copy.kind = .text("")
                return copy
            }
            return node
        }
        guard !node.children.isEmpty else { return node }
        var children: [MarkdownNode] = []
        children.reserveCapacity(node.children.count)
        for child in node.children {
            if case .htmlInline(let html) = child.kind,
                scanner.placeholderLines.contains(child.range.startLine) || !child.range.isKnown,
                let value = placeholderValue(Substring(html))
            {
                if !value.isEmpty { children.append(MarkdownNode(.text(value), range: child.range)) }
                continue
            }
            children.append(placeholders(child))
        }
        copy.children = children
        return copy
    }

    /// The text a placeholder tag `<qKEY   >` stands for; "" for an empty one, nil for other HTML.
    private func placeholderValue(_ html: Substring) -> String? {
        guard html.hasPrefix("<q"), html.hasSuffix(">") else { return nil }
        let inner = html.dropFirst(2).dropLast()
        let key = inner.prefix { $0 != " " }
        guard inner.dropFirst(key.count).allSatisfy({ $0 == " " }) else { return nil }
        if key.isEmpty { return "" }
        guard let index = Int(key, radix: 36), scanner.values.indices.contains(index) else { return nil }
        return scanner.values[index]
    }

    /// Adds back the bytes dedenting removed, so every column is a column of the file.
    private func shiftColumns(_ root: inout MarkdownNode) {
        var shift = ColumnShift(shifts: scanner.columnShifts)
        root.rewrite(with: &shift)
    }
}

extension String {
    /// The string with `"` replaced by `'`, for a title inside a code block's info string.
    var replacingQuotes: String { String(map { $0 == "\"" ? "'" : $0 }) }
}
