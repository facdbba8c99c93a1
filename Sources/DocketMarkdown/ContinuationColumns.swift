/// Corrects the columns cmark-gfm gives inline nodes on the second and later lines of a
/// paragraph. cmark counts those columns from where the line's paragraph text starts, plus the
/// paragraph's first-line column, so anything after a container prefix that differs from the
/// first line's (a lazy continuation line of a list item or quote, a continuation line indented
/// differently, tabs) is reported columns off. This pass finds where each continuation line's
/// paragraph text really starts in the file, by matching the paragraph's containers against the
/// line the way cmark's block parser does, and rewrites the columns as byte columns of the file.
struct ContinuationColumns {
    /// The parsed text split into lines, without line endings.
    private let lines: [ArraySlice<UInt8>]
    private let lineOffset: Int

    /// A container a paragraph is nested in, outermost first.
    private enum Container {
        case quote(startLine: Int)
        /// `width`: columns from the parent container's content to the item's content
        /// (cmark's marker offset + padding).
        case item(startLine: Int, width: Int)
        /// A footnote definition continues on lines indented by four columns.
        case footnote(startLine: Int)
    }

    /// Where a line's paragraph text starts: the byte index in the line, and the columns of a tab
    /// the containers only partly used (cmark puts that many spaces before the text).
    private struct TextStart {
        var byte: Int
        var tabSpaces: Int
    }

    /// Cursor over one line, counting columns with tab stops of 4 as CommonMark does.
    private struct Cursor {
        let bytes: ArraySlice<UInt8>
        var index: Int
        var column = 0
        /// Columns of the tab at `index` already used by a container.
        var usedTabColumns = 0

        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        var current: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

        /// The next non-space, non-tab byte at or after the cursor, with its column.
        func firstNonSpace() -> (index: Int, column: Int) {
            var i = index
            var c = column
            while i < bytes.endIndex, bytes[i] == 0x20 || bytes[i] == 0x09 {
                c += bytes[i] == 0x09 ? 4 - (c % 4) : 1
                i += 1
            }
            return (i, c)
        }

        /// Advances by `count` columns; a tab may be used only in part.
        mutating func advance(columns count: Int) {
            var left = count
            while left > 0, let byte = current {
                if byte == 0x09 {
                    let width = 4 - (column % 4)
                    if left >= width {
                        column += width
                        left -= width
                        index += 1
                        usedTabColumns = 0
                    } else {
                        column += left
                        usedTabColumns += left
                        left = 0
                    }
                } else {
                    column += 1
                    left -= 1
                    index += 1
                }
            }
        }

        /// Advances by one byte (a partly used tab is finished).
        mutating func advanceByte() {
            guard let byte = current else { return }
            column += byte == 0x09 ? 4 - (column % 4) : 1
            usedTabColumns = 0
            index += 1
        }
    }

    init(text: String, lineOffset: Int) {
        var lines: [ArraySlice<UInt8>] = []
        let bytes = Array(text.utf8)
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            var end = i
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(bytes[start..<end])
            start = i + 1
        }
        lines.append(bytes[start..<bytes.count])
        self.lines = lines
        self.lineOffset = lineOffset
    }

    /// Rewrites the columns of every inline node on a paragraph's later lines under `root`.
    static func fix(_ root: inout MarkdownNode, text: String, lineOffset: Int) {
        guard needsFixing(root) else { return }
        let pass = ContinuationColumns(text: text, lineOffset: lineOffset)
        pass.visit(&root, containers: [])
    }

    /// True when some paragraph spans several lines (most short pages have none worth a pass).
    private static func needsFixing(_ node: MarkdownNode) -> Bool {
        if isParagraphLike(node) { return node.range.endLine > node.range.startLine }
        if node.isInline { return false }
        return node.children.contains { needsFixing($0) }
    }

    private static func isParagraphLike(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .paragraph, .heading: return true
        default: return false
        }
    }

    private func visit(_ node: inout MarkdownNode, containers: [Container]) {
        if Self.isParagraphLike(node) {
            guard node.range.isKnown, node.range.endLine > node.range.startLine else { return }
            var starts: [Int: TextStart?] = [:]
            let paragraph = node.range
            for index in node.children.indices {
                relocate(&node.children[index], in: paragraph, containers: containers, starts: &starts)
            }
            return
        }
        guard !node.isInline, node.range.isKnown else { return }
        var inner = containers
        switch node.kind {
        case .blockQuote:
            inner.append(.quote(startLine: node.range.startLine))
        case .item:
            guard let width = itemWidth(node.range, containers: containers) else { return }
            inner.append(.item(startLine: node.range.startLine, width: width))
        case .footnoteDefinition:
            inner.append(.footnote(startLine: node.range.startLine))
        default:
            break
        }
        for index in node.children.indices { visit(&node.children[index], containers: inner) }
    }

    /// Maps the columns of `node` (and its children) on lines after the paragraph's first.
    private func relocate(
        _ node: inout MarkdownNode, in paragraph: SourceRange, containers: [Container], starts: inout [Int: TextStart?]
    ) {
        switch node.kind {
        case .link, .image:
            // cmark-gfm gives a link whose text spans lines the line of its closing `]` but the
            // column of its `[`: the `[` is on the line where the text starts.
            if let first = node.children.first(where: { $0.range.isKnown }),
                first.range.startLine < node.range.startLine
            {
                node.range.startLine = first.range.startLine
            }
        default:
            break
        }
        if node.range.isKnown {
            if node.range.startLine > paragraph.startLine,
                let column = fileColumn(
                    node.range.startColumn, line: node.range.startLine, in: paragraph, containers: containers,
                    starts: &starts)
            {
                node.range.startColumn = column
            }
            if node.range.endLine > paragraph.startLine,
                let column = fileColumn(
                    node.range.endColumn, line: node.range.endLine, in: paragraph, containers: containers,
                    starts: &starts)
            {
                node.range.endColumn = column
            }
        }
        for index in node.children.indices {
            relocate(&node.children[index], in: paragraph, containers: containers, starts: &starts)
        }
    }

    /// The file column for a column cmark counted from the paragraph text of `line`.
    private func fileColumn(
        _ reported: Int, line: Int, in paragraph: SourceRange, containers: [Container], starts: inout [Int: TextStart?]
    ) -> Int? {
        let start: TextStart?
        if let known = starts[line] {
            start = known
        } else {
            start = textStart(line: line, containers: containers)
            starts[line] = start
        }
        guard let start else { return nil }
        let offset = reported - paragraph.startColumn
        guard offset >= 0 else { return nil }
        // Spaces cmark put for a partly used tab stand for the tab byte itself.
        if offset < start.tabSpaces { return start.byte }
        return start.byte + (offset - start.tabSpaces) + 1
    }

    private func bytes(ofLine line: Int) -> ArraySlice<UInt8>? {
        let index = line - lineOffset - 1
        return lines.indices.contains(index) ? lines[index] : nil
    }

    /// Where the paragraph text of a continuation `line` starts: after the containers that
    /// continue on it, and past the indentation when all of them do (a lazy line keeps it).
    private func textStart(line: Int, containers: [Container]) -> TextStart? {
        guard let bytes = bytes(ofLine: line) else { return nil }
        var cursor = Cursor(bytes)
        for container in containers {
            switch match(container, line: line, cursor: &cursor) {
            case .matched: continue
            case .lazy:
                return TextStart(
                    byte: cursor.index - bytes.startIndex + (cursor.usedTabColumns > 0 ? 1 : 0),
                    tabSpaces: cursor.usedTabColumns > 0 ? 4 - (cursor.column % 4) : 0)
            case .unknown: return nil
            }
        }
        return TextStart(byte: cursor.firstNonSpace().index - bytes.startIndex, tabSpaces: 0)
    }

    private enum Match { case matched, lazy, unknown }

    /// Moves the cursor past `container`'s prefix on `line`, as cmark's block parser does.
    private func match(_ container: Container, line: Int, cursor: inout Cursor) -> Match {
        switch container {
        case .quote:
            let (index, column) = cursor.firstNonSpace()
            guard column - cursor.column <= 3, index < cursor.bytes.endIndex, cursor.bytes[index] == UInt8(ascii: ">")
            else { return .lazy }
            cursor.advance(columns: column - cursor.column)
            cursor.advanceByte()
            if cursor.current == 0x20 || cursor.current == 0x09 { cursor.advance(columns: 1) }
            return .matched
        case .item(let startLine, let width):
            // On its first line the item's marker is the prefix; later lines need the indent.
            if startLine != line && cursor.firstNonSpace().column - cursor.column < width { return .lazy }
            cursor.advance(columns: width)
            return .matched
        case .footnote(let startLine):
            if startLine == line { return .unknown }
            if cursor.firstNonSpace().column - cursor.column < 4 { return .lazy }
            cursor.advance(columns: 4)
            return .matched
        }
    }

    /// cmark's marker offset + padding of a list item, read from its first line.
    private func itemWidth(_ range: SourceRange, containers: [Container]) -> Int? {
        guard let bytes = bytes(ofLine: range.startLine) else { return nil }
        var cursor = Cursor(bytes)
        for container in containers {
            guard match(container, line: range.startLine, cursor: &cursor) == .matched else { return nil }
        }
        let before = cursor.column
        var (index, markerColumn) = cursor.firstNonSpace()
        guard index < bytes.endIndex, index - bytes.startIndex + 1 == range.startColumn else { return nil }
        var markerWidth = 0
        while index < bytes.endIndex, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
            markerWidth += 1
        }
        guard index < bytes.endIndex else { return nil }
        index += 1
        markerWidth += 1
        cursor.advance(columns: markerColumn - cursor.column + markerWidth)
        markerColumn -= before
        let afterMarker = cursor.column
        while cursor.column - afterMarker <= 5, let byte = cursor.current, byte == 0x20 || byte == 0x09 {
            cursor.advance(columns: 1)
        }
        let spaces = cursor.column - afterMarker
        let padding = (spaces >= 5 || spaces < 1 || cursor.current == nil) ? markerWidth + 1 : markerWidth + spaces
        return markerColumn + padding
    }
}
