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
    public static func parse(_ body: String, lineOffset: Int = 0, path: String) -> MarkdownDocument {
        var scanner = DirectiveScanner()
        let text = body.contains(":::") ? scanner.scan(body) : body
        let tree = CmarkParser.parse(text, lineOffset: lineOffset)
        if scanner.openings.isEmpty { return MarkdownDocument(root: tree) }
        var folder = DirectiveFolder(openings: scanner.openings, path: path)
        let folded = folder.fold(tree)
        return MarkdownDocument(root: folded, diagnostics: folder.diagnostics)
    }
}
