import Foundation

/// Gives every heading its anchor id the Docusaurus way and collects the table of contents.
///
/// Every heading, the H1 included, consumes a slug; explicit `{#id}` suffixes are used verbatim,
/// removed from the text, and not registered with the slugger. The H1 keeps no id in the output.
public enum HeadingAnchors {
    /// Returns the tree with heading ids filled in, and the TOC entries (depth 2 and more).
    public static func assign(_ root: consuming MarkdownNode) -> (MarkdownNode, [TOCEntry]) {
        var tree = root
        var assigner = Assigner()
        tree.rewrite(with: &assigner)
        if hasTOCInline(tree) {
            // `<TOCInline toc={toc}/>` lists the page's own headings, known only now.
            var fill = TOCInlineFill(entries: assigner.entries)
            tree.rewrite(with: &fill)
        }
        return (tree, assigner.entries)
    }

    /// Gives each heading its id in document order. A rewriter, so only the arrays on the way
    /// to a heading are copied, where mapping every block's children made a new array for each.
    private struct Assigner: MarkdownRewriter {
        var slugger = HeadingSlugger()
        var entries: [TOCEntry] = []

        static func mayHoldHeading(_ node: MarkdownNode) -> Bool {
            if case .heading = node.kind { return true }
            return node.mayHoldBlocks
        }

        mutating func rewrite(_ node: inout MarkdownNode) {
            guard case .heading(_, let byteLevel) = node.kind else {
                // Headings are blocks, in block containers only: nothing else is entered.
                if node.mayHoldBlocks { rewriteChildren(of: &node, where: Self.mayHoldHeading) }
                return
            }
            let explicit = HeadingAnchors.stripExplicitID(&node)
            let text = node.plainText
            let id = explicit ?? slugger.unique(node.slugText)
            let level = Int(byteLevel)
            node.kind = .heading(id: level == 1 || id.isEmpty ? nil : id, level: byteLevel)
            if level >= 2 && !id.isEmpty && HeadingAnchors.holdsNonWhitespace(text) {
                entries.append(TOCEntry(level: level, id: id, title: node.children, text: text))
            }
        }
    }

    /// Whether `text` has a Character that is not white space (`trimmingWhitespace` is not
    /// empty). An ASCII byte that is no white space settles it: it starts a Character, or joins
    /// one that a prepended mark (never white space) starts. Only text without one is read as
    /// Characters: every heading of every page asks.
    static func holdsNonWhitespace(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) }) { return true }
        return !text.trimmingWhitespace.isEmpty
    }

    private static func hasTOCInline(_ node: MarkdownNode) -> Bool {
        if case .mdx(let element) = node.kind, element.component == .tocInline { return true }
        guard !node.isInline else { return false }
        for child in node.children {
            switch child.kind {
            case .mdx, .directive, .blockQuote, .list, .item, .document:
                if hasTOCInline(child) { return true }
            default: continue
            }
        }
        return false
    }

    /// Removes a trailing `{#id}` from the heading's last text node and returns the id.
    static func stripExplicitID(_ heading: inout MarkdownNode) -> String? {
        guard let last = heading.children.indices.last, case .text(let text) = heading.children[last].kind,
            text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards)
        else { return nil }
        let id = text[open.upperBound..<text.index(before: text.endIndex)]
        guard !id.isEmpty, !id.contains("}") else { return nil }
        var kept = String(text[..<open.lowerBound])
        while kept.last == " " || kept.last == "\t" { kept.removeLast() }
        if kept.isEmpty {
            heading.children.removeLast()
        } else {
            heading.children[last].kind = .text(kept)
        }
        return String(id)
    }
}

extension String {
    /// The string without leading and trailing white space (Unicode, newlines included).
    public var trimmingWhitespace: Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
