import DocketDiagnostics

/// A parsed Markdown body: the tree, plus the problems found while parsing it.
public struct MarkdownDocument: Sendable {
    public var root: MarkdownNode
    public var diagnostics: Diagnostics

    public init(root: MarkdownNode, diagnostics: Diagnostics = Diagnostics()) {
        self.root = root
        self.diagnostics = diagnostics
    }

    /// Parses a page body (the text after the front matter).
    /// - Parameters:
    ///   - body: the Markdown text.
    ///   - lineOffset: how many lines of the file precede `body`, so positions are file positions.
    ///   - path: the file as the user should see it in diagnostics.
    ///   - isMDX: an `.mdx` page, where an expression docket cannot evaluate is an error (`.md`
    ///     pages keep such text as written).
    public static func parse(_ body: String, lineOffset: Int = 0, path: String, isMDX: Bool = false) -> MarkdownDocument
    {
        if let line = MarkupBudget.overrun(in: body) {
            // Refused before cmark-gfm sees it: parsing it is what would cost the gigabytes.
            var diagnostics = Diagnostics()
            diagnostics.error(
                at: SourceLocation(path: path, line: lineOffset + line, column: 1),
                "the page holds more than \(MarkupBudget.limit) lines and markup characters outside code blocks by this line; split the page (see the limits reference)"
            )
            return MarkdownDocument(root: MarkdownNode(.document), diagnostics: diagnostics)
        }
        var mdx: MDXScanner?
        var source = body
        if MDXScanner.mayHoldMDX(body) {
            var found = MDXScanner(path: path, isMDX: isMDX)
            source = found.scan(body, lineOffset: lineOffset)
            mdx = found
        }
        var scanner = DirectiveScanner()
        let text = mayHoldDirectives(source) ? scanner.scan(source, lineOffset: lineOffset) : source
        var parsed = CmarkParser.parse(text, lineOffset: lineOffset)
        var problems = scanner.problems + parsed.problems
        var diagnostics = Diagnostics()
        // Taken out of the result, not shared with it, so the compaction below changes the
        // tree's arrays in place.
        var root = parsed.root
        parsed.root = MarkdownNode(.document)
        let mdxMarkerLines = mdx?.markerLines ?? []
        if !mdxMarkerLines.isEmpty || !scanner.markerLines.isEmpty {
            root = MarkerBlockSplit.splitAll(root) { line, text in
                if mdxMarkerLines.contains(line), text.hasPrefix(MDXScanner.markerPrefix) { return true }
                return scanner.markerLines.contains(line)
                    && (text.hasPrefix(DirectiveScanner.openPrefix) || text.hasPrefix(DirectiveScanner.closePrefix))
            }
        }
        if !scanner.openings.isEmpty {
            var folder = DirectiveFolder(openings: scanner.openings, markerLines: scanner.markerLines, path: path)
            folder.closeColumns = scanner.closeColumns
            root = folder.fold(root)
            root = DirectiveFenceRestore.restore(root, fenceTexts: scanner.fenceTexts)
            diagnostics = folder.diagnostics
            problems += folder.problems
        }
        if let mdx {
            var folder = MDXFolder(scanner: mdx, path: path)
            root = folder.fold(root)
            diagnostics.append(contentsOf: mdx.diagnostics)
            diagnostics.append(contentsOf: folder.diagnostics)
            if !mdx.elements.isEmpty { diagnostics.append(contentsOf: MDXComponentCheck.check(root, path: path)) }
        }
        for problem in problems {
            diagnostics.error(
                at: SourceLocation(path: path, line: problem.line, column: problem.column), problem.message)
        }
        if parsed.hasInfoProblems { diagnostics.append(contentsOf: CodeBlockCheck.check(root, path: path)) }
        if !scanner.openings.isEmpty || mdx != nil {
            // The folds built new children arrays by appending: give back their unused room.
            ChildrenCompaction.compact(&root)
        }
        return MarkdownDocument(root: root, diagnostics: diagnostics)
    }

    /// True when `text` holds `:::` anywhere. A byte search: Foundation's `contains` went through
    /// UTF-16 and took a second on a 10 MB page.
    static func mayHoldDirectives(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Colons found with `memchr`: every page is checked, and a byte loop was most of it.
            var from = 0
            while let colon = bytes.firstOffset(of: UInt8(ascii: ":"), from: from) {
                guard colon + 2 < bytes.count else { return false }
                if bytes[colon + 1] == UInt8(ascii: ":") && bytes[colon + 2] == UInt8(ascii: ":") { return true }
                from = colon + 1
            }
            return false
        }
    }
}
