import CCmarkGFM

/// Parses CommonMark + GFM with cmark-gfm and copies the C tree into `MarkdownNode` values.
/// The only file that calls cmark-gfm: no cmark pointer outlives `parse`.
enum CmarkParser {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// cmark-gfm's extension registry is global and not safe to fill from two threads at once;
    /// a static `let` is initialised exactly once, atomically.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Parses `text`; node lines are shifted by `lineOffset` so they are lines of the whole file.
    static func parse(_ text: String, lineOffset: Int) -> MarkdownNode {
        _ = registered
        let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE
        guard let parser = cmark_parser_new(options) else { return MarkdownNode(.document) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        text.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let root = cmark_parser_finish(parser) else { return MarkdownNode(.document) }
        defer { cmark_node_free(root) }
        return labelFootnoteDefinitions(convert(root, lineOffset: lineOffset))
    }

    /// cmark-gfm does not expose a definition's label, but it keeps only referenced definitions and
    /// moves them to the end in the order of their first reference: pair them up in that order.
    private static func labelFootnoteDefinitions(_ root: MarkdownNode) -> MarkdownNode {
        var labels: [String] = []
        var seen = Set<String>()
        root.walk { node in
            if case .footnoteReference(let label) = node.kind, seen.insert(label).inserted { labels.append(label) }
        }
        guard !labels.isEmpty else { return root }
        var copy = root
        var next = 0
        for index in copy.children.indices {
            if case .footnoteDefinition = copy.children[index].kind, next < labels.count {
                copy.children[index].kind = .footnoteDefinition(label: labels[next])
                next += 1
            }
        }
        return copy
    }

    private static func convert(_ node: OpaquePointer, lineOffset: Int) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            children.append(convert(c, lineOffset: lineOffset))
            child = cmark_node_next(c)
        }
        let startLine = Int(cmark_node_get_start_line(node))
        let range = startLine > 0
            ? SourceRange(
                startLine: startLine + lineOffset,
                startColumn: Int(cmark_node_get_start_column(node)),
                endLine: Int(cmark_node_get_end_line(node)) + lineOffset,
                endColumn: Int(cmark_node_get_end_column(node)))
            : .unknown
        return MarkdownNode(kind(of: node), children: children, range: range)
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String {
        p.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            if string(cmark_node_get_type_string(node)) == "tasklist" {
                return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
            }
            return .item(task: nil)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), id: nil)
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition(label: string(cmark_node_get_literal(node)))
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(label: string(cmark_node_get_literal(node)))
        default:
            switch string(cmark_node_get_type_string(node)) {
            case "table":
                let count = Int(cmark_gfm_extensions_get_table_columns(node))
                var alignments: [MarkdownNode.Alignment] = []
                if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                    for i in 0..<count {
                        switch UInt8(raw[i]) {
                        case UInt8(ascii: "l"): alignments.append(.left)
                        case UInt8(ascii: "c"): alignments.append(.center)
                        case UInt8(ascii: "r"): alignments.append(.right)
                        default: alignments.append(.none)
                        }
                    }
                }
                return .table(alignments: alignments)
            case "table_header":
                return .tableRow(isHeader: true)
            case "table_row":
                return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .paragraph
            }
        }
    }
}
