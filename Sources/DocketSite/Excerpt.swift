import DocketMarkdown

/// The default description: the first line of prose of the page, as Docusaurus's excerpt, read
/// from the parsed tree (the H1, code, HTML and directive markers are skipped; markup is reduced
/// to its text).
enum Excerpt {
    /// The longest excerpt kept, in characters: a description is a line of a search result or
    /// a `<meta>` tag, and a page that is one 10 MB line must not put 10 MB in each of them.
    static let maxLength = 1000

    static func first(in root: MarkdownNode) -> String? {
        for child in root.children {
            if let line = firstLine(of: child) { return line }
        }
        return nil
    }

    private static func firstLine(of node: MarkdownNode) -> String? {
        switch node.kind {
        case .heading(_, let level):
            return level == 1 ? nil : nonEmpty(node.plainText)
        case .paragraph, .tableCell:
            var text = ""
            for inline in node.children {
                if case .softBreak = inline.kind { break }
                if case .lineBreak = inline.kind { break }
                if case .footnoteReference = inline.kind { continue }
                text += inline.plainText
            }
            return nonEmpty(text)
        case .codeBlock, .htmlBlock, .thematicBreak, .footnoteDefinition, .directiveTitle:
            return nil
        default:
            for child in node.children {
                if let line = firstLine(of: child) { return line }
            }
            return nil
        }
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty { return nil }
        // No longer than `maxLength` in bytes, so not in Characters either: kept whole without
        // counting (counting Characters walks the text, on every page).
        if trimmed.utf8.count <= maxLength { return ExactStorage.string(trimmed) }
        // Cut on a character boundary, with an ellipsis saying the line goes on.
        guard let cut = trimmed.index(trimmed.startIndex, offsetBy: maxLength, limitedBy: trimmed.endIndex),
            cut < trimmed.endIndex
        else { return ExactStorage.string(trimmed) }
        return ExactStorage.string(trimmed[..<cut] + "…")
    }
}
