import CCmarkGFM
import Foundation

/// Parses CommonMark + GFM with cmark-gfm and copies the C tree into `MarkdownNode` values.
/// The only file that calls cmark-gfm: no cmark pointer outlives `parse`.
enum CmarkParser {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// cmark-gfm's extension registry is global and not safe to fill from two threads at once;
    /// a static `let` is initialised exactly once, atomically. The special characters are
    /// pinned in the same step, before any page is parsed (`pinSpecialCharacters`).
    private static let registered: Void = {
        cmark_gfm_core_extensions_ensure_registered()
        pinSpecialCharacters()
    }()

    /// What `cmark_manage_extensions_special_characters` does when cmark-gfm calls it. Written
    /// only while `registered` is made (once, before any parse), read by every parse after.
    enum SpecialCharacters {
        /// cmark-gfm's own function: every call goes to it, and `finish` runs under `finishLock`.
        case passedOn
        /// While `pinSpecialCharacters` checks that cmark-gfm's calls reach docket's function.
        case counted(Int)
        /// The characters were added once for good: cmark-gfm's adds and removes do nothing.
        case pinned
    }

    /// See `SpecialCharacters`.
    nonisolated(unsafe) static var specialCharacters = SpecialCharacters.passedOn

    /// cmark-gfm's `cmark_manage_extensions_special_characters`, found past docket's own.
    nonisolated(unsafe) private static var libraryManage: (@convention(c) (OpaquePointer?, Int32) -> Void)?

    /// What cmark-gfm's calls of `cmark_manage_extensions_special_characters` do (see
    /// `cmarkManageSpecialCharacters`).
    static func manageSpecialCharacters(_ parser: OpaquePointer?, _ add: Int32) {
        switch specialCharacters {
        case .pinned: return
        case .counted(let calls): specialCharacters = .counted(calls + 1)
        case .passedOn: break
        }
        libraryManage?(parser, add)
    }

    /// `cmark_parser_finish` parses a page's inlines between adding its inline extensions'
    /// special characters (`~`, `:`, `w`) to a table global to the library and removing them
    /// again: two pages finishing at once race on it, and one page's removal makes the other lose
    /// its strikethrough and autolinks, silently. A lock around `finish` cost about a tenth of the
    /// parse phase. Here they are added once and for good, and cmark-gfm's later adds and removes
    /// reach `manageSpecialCharacters`, which does nothing: every page is parsed with the table
    /// it always had while its inlines were parsed. (The characters also end runs of text where
    /// no extension matches; `finish` joins the pieces again, so the tree is the same.)
    ///
    /// That needs cmark-gfm's calls to reach docket's function, which depends on how the library
    /// and the executable were linked; so it is checked first, by parsing one line and counting
    /// the calls. Where they do not arrive, nothing is pinned and `finish` runs under the lock.
    ///
    /// Either way a line with a strikethrough and an autolink is then parsed as every page will
    /// be: were either lost (cmark-gfm's function not found behind docket's, say), docket stops
    /// with an error rather than build pages without them.
    private static func pinSpecialCharacters() {
        if let found = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "cmark_manage_extensions_special_characters"),
            let parser = cmark_parser_new(options)
        {
            defer { cmark_parser_free(parser) }
            libraryManage = unsafeBitCast(found, to: (@convention(c) (OpaquePointer?, Int32) -> Void).self)
            attachExtensions(to: parser)
            specialCharacters = .counted(0)
            if let root = finish(parser, probe) { cmark_node_free(root) }
            if case .counted(let calls) = specialCharacters, calls >= 2 {
                libraryManage?(parser, 1)
                specialCharacters = .pinned
            } else {
                specialCharacters = .passedOn
            }
        }
        precondition(
            inlineExtensionsWork(),
            "docket: cmark-gfm parsed no strikethrough or autolink in \(probe.debugDescription); its special characters could not be managed"
        )
    }

    /// A line that needs both inline extensions whose characters are pinned.
    private static let probe = "~~a~~ www.example.org\n"

    private static func attachExtensions(to parser: OpaquePointer) {
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
    }

    /// Feeds `text` to `parser` and finishes it (`finish`).
    private static func finish(_ parser: OpaquePointer, _ text: String) -> OpaquePointer? {
        text.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        return finish(parser)
    }

    /// `cmark_parser_finish`, which parses the inlines, and around that adds, then removes, the
    /// inline extensions' special characters (`~`, `:`, `w`) in one table global to the library.
    /// Two pages finishing at once race on it, unless the characters are pinned
    /// (`pinSpecialCharacters`): otherwise one finishes at a time.
    private static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        if case .pinned = specialCharacters { return cmark_parser_finish(parser) }
        return finishLock.withLock { cmark_parser_finish(parser) }
    }

    /// Whether `probe`, parsed as pages are (pinned, or under the lock), has its strikethrough
    /// and its autolink.
    private static func inlineExtensionsWork() -> Bool {
        guard let parser = cmark_parser_new(options) else { return false }
        defer { cmark_parser_free(parser) }
        attachExtensions(to: parser)
        guard let root = finish(parser, probe) else { return false }
        defer { cmark_node_free(root) }
        var struck = false
        var linked = false
        var node = cmark_node_first_child(cmark_node_first_child(root))
        while let current = node {
            if hasType(current, "strikethrough") { struck = true }
            if cmark_node_get_type(current) == CMARK_NODE_LINK { linked = true }
            node = cmark_node_next(current)
        }
        return struck && linked
    }

    /// The deepest nesting of the tree (document at 0): lists, quotes, emphasis, links, all
    /// count. Deeper content is left out with an error, so no later walk can run out of stack.
    static let maxDepth = 256
    /// The most nodes a tree may have: a backstop behind `MarkupBudget`, which keeps pages far
    /// below it; anything past it is left out with an error.
    static let maxNodes = 1_000_000
    /// The most columns a GFM table may have; a wider one is an error and is left out.
    static let maxTableColumns = 1000

    /// A tree and the limits it broke (positions are file positions).
    struct Result {
        var root: MarkdownNode
        var problems: [MarkdownProblem] = []
        /// Whether the tree holds a footnote reference, or a code block whose info string has a
        /// problem: the walks that look for them are skipped otherwise (a walk of a big page is
        /// not free).
        var hasFootnoteReferences = false
        var hasInfoProblems = false
    }

    /// Parses `text`; node lines are shifted by `lineOffset` so they are lines of the whole file.
    static func parse(_ text: String, lineOffset: Int) -> Result {
        withTree(of: text) { root, _ in
            var result = convert(root, lineOffset: lineOffset)
            ContinuationColumns.fix(&result.root, text: text, lineOffset: lineOffset)
            if result.hasFootnoteReferences { result.root = labelFootnoteDefinitions(result.root) }
            return result
        } ?? Result(root: MarkdownNode(.document))
    }

    /// Parses `text` with docket's options and GFM extensions and hands the C tree and its
    /// parser to `body`; both are freed when it returns. nil when cmark-gfm cannot allocate.
    private static func withTree<T>(of text: String, _ body: (OpaquePointer, OpaquePointer) -> T) -> T? {
        _ = registered
        // SOURCEPOS only changes parsing: without it cmark-gfm does not count the lines inside a
        // code span or inline HTML that spans lines, so what follows on the line gets the
        // wrong position. (HTML is rendered without it: no data-sourcepos attributes.)
        guard let parser = cmark_parser_new(options | CMARK_OPT_SOURCEPOS) else { return nil }
        defer { cmark_parser_free(parser) }
        attachExtensions(to: parser)
        text.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let root = finish(parser) else { return nil }
        defer { cmark_node_free(root) }
        return body(root, parser)
    }

    private static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE

    /// Serialises `cmark_parser_finish` where the special characters could not be pinned
    /// (see `finish`).
    private static let finishLock = NSLock()

    /// cmark-gfm's own HTML for `text`, parsed with the same options and extensions as `parse`:
    /// the reference the differential test holds `HTMLRenderer` against.
    static func referenceHTML(_ text: String) -> String {
        withTree(of: text) { root, parser in
            guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
                return ""
            }
            defer { free(html) }
            return String(cString: html)
        } ?? ""
    }

    /// cmark-gfm does not expose a definition's label, but it keeps only referenced definitions and
    /// moves them to the end in the order of their first reference: pair them up in that order.
    private static func labelFootnoteDefinitions(_ root: MarkdownNode) -> MarkdownNode {
        var references = FootnoteReferences()
        root.walk(with: &references)
        let labels = references.labels
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

    /// Copies the C tree with an explicit stack: a page of 20,000 nested quotes must not
    /// overflow the thread's stack here, and the depth limit is enforced on the way.
    private static func convert(_ root: OpaquePointer, lineOffset: Int) -> Result {
        var problems: [MarkdownProblem] = []
        var tooDeepReported = false
        var nodes = 1
        var hasFootnoteReferences = false
        var hasInfoProblems = false
        var keepsChildren = true
        // The open nodes, outermost first, and the next C child of each to copy. Two arrays, not
        // one of pairs: a node taken out of a pair was copied (its strings and children retained,
        // then released with the pair), for every node of every page.
        var open = [node(root, lineOffset: lineOffset, keepsChildren: &keepsChildren, problems: &problems)]
        var nexts = [cmark_node_first_child(root)]
        reserveChildren(of: &open[0], from: nexts[0])
        while true {
            let top = open.count - 1
            if let child = nexts[top] {
                nexts[top] = cmark_node_next(child)
                if open.count > maxDepth {
                    if !tooDeepReported {
                        tooDeepReported = true
                        let (line, column) = position(of: child, lineOffset: lineOffset, open: open)
                        problems.append(
                            MarkdownProblem(
                                line: line, column: column,
                                message:
                                    "Markdown is nested deeper than \(maxDepth) levels here (lists, quotes, emphasis, links…); the deeper content is left out"
                            ))
                    }
                    continue
                }
                nodes += 1
                if nodes > maxNodes {
                    if nodes == maxNodes + 1 {
                        let (line, column) = position(of: child, lineOffset: lineOffset, open: open)
                        problems.append(
                            MarkdownProblem(
                                line: line, column: column,
                                message:
                                    "the page has more than \(maxNodes) Markdown elements by here; the rest is left out"
                            ))
                    }
                    continue
                }
                var converted = node(child, lineOffset: lineOffset, keepsChildren: &keepsChildren, problems: &problems)
                switch converted.kind {
                case .footnoteReference: hasFootnoteReferences = true
                case .codeBlock(_, let info) where !info.problems.isEmpty: hasInfoProblems = true
                default: break
                }
                let first = keepsChildren ? cmark_node_first_child(child) : nil
                // Moved (`consume`), not copied: the optimiser kept a copy of the node here, its
                // strings and children retained and then released, for every node of every page.
                if first == nil {
                    // A leaf (most nodes: text) goes straight to its parent.
                    open[top].children.append(consume converted)
                } else {
                    reserveChildren(of: &converted, from: first)
                    open.append(consume converted)
                    nexts.append(first)
                }
            } else {
                let done = open.removeLast()
                nexts.removeLast()
                if open.isEmpty {
                    return Result(
                        root: done, problems: problems, hasFootnoteReferences: hasFootnoteReferences,
                        hasInfoProblems: hasInfoProblems)
                }
                open[open.count - 1].children.append(done)
            }
        }
    }

    /// Gives `node`'s children array room for exactly its C children, `first` and the ones after
    /// it: appended one by one it grew by doubling, and the unused room (a quarter of all node
    /// arrays) stayed allocated for as long as the page was kept.
    private static func reserveChildren(of node: inout MarkdownNode, from first: OpaquePointer?) {
        var count = 0
        var child = first
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        if count > 0 { node.children.reserveCapacity(count) }
    }

    /// The start of `node`, or of its nearest ancestor with one (cmark leaves some inlines
    /// without a position).
    private static func position(of node: OpaquePointer, lineOffset: Int, open: [MarkdownNode]) -> (Int, Int) {
        let line = Int(cmark_node_get_start_line(node))
        if line > 0 { return (line + lineOffset, Int(cmark_node_get_start_column(node))) }
        for ancestor in open.reversed() where ancestor.range.isKnown {
            return (ancestor.range.startLine, ancestor.range.startColumn)
        }
        return (lineOffset + 1, 1)
    }

    /// The Swift node for one C node, without children; `keepsChildren` is set false for a table
    /// over the column limit, whose cells are what would cost the time, and true otherwise.
    private static func node(
        _ node: OpaquePointer, lineOffset: Int, keepsChildren: inout Bool, problems: inout [MarkdownProblem]
    ) -> MarkdownNode {
        keepsChildren = true
        let startLine = Int(cmark_node_get_start_line(node))
        let range =
            startLine > 0
            ? SourceRange(
                startLine: startLine + lineOffset,
                startColumn: Int(cmark_node_get_start_column(node)),
                endLine: Int(cmark_node_get_end_line(node)) + lineOffset,
                endColumn: Int(cmark_node_get_end_column(node)))
            : .unknown
        let kind = kind(of: node)
        if case .table = kind {
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            if columns > maxTableColumns {
                problems.append(
                    MarkdownProblem(
                        line: range.startLine, column: range.startColumn,
                        message:
                            "this table has \(columns) columns; at most \(maxTableColumns) are supported, so it is left out"
                    ))
                keepsChildren = false
                return MarkdownNode(.table(alignments: []), range: range)
            }
        }
        return MarkdownNode(kind, range: range)
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
            if hasType(node, "tasklist") {
                return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
            }
            return .item(task: nil)
        case CMARK_NODE_CODE_BLOCK:
            // The info string is read here, once; every consumer uses the parsed form.
            return .codeBlock(
                literal: string(cmark_node_get_literal(node)),
                info: CodeBlockInfo(string(cmark_node_get_fence_info(node))))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(id: nil, level: UInt8(clamping: cmark_node_get_heading_level(node)))
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
            return .link(
                destination: string(cmark_node_get_url(node)), title: LinkTitle(string(cmark_node_get_title(node))))
        case CMARK_NODE_IMAGE:
            return .image(
                source: string(cmark_node_get_url(node)), title: LinkTitle(string(cmark_node_get_title(node))))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(label: string(cmark_node_get_literal(node)))
        default:
            if hasType(node, "table") {
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
            }
            if hasType(node, "table_cell") { return .tableCell }
            if hasType(node, "table_row") {
                return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
            }
            if hasType(node, "table_header") { return .tableRow(isHeader: true) }
            if hasType(node, "strikethrough") { return .strikethrough }
            return .paragraph
        }
    }

    /// Whether an extension's node is of the type named `name` (`table_cell`): compared as C
    /// strings, where making a `String` of the name for every cell and list item cost more
    /// than the comparison.
    private static func hasType(_ node: OpaquePointer, _ name: StaticString) -> Bool {
        guard let type = cmark_node_get_type_string(node) else { return false }
        return name.withUTF8Buffer { name in
            name.withMemoryRebound(to: CChar.self) { strncmp(type, $0.baseAddress!, name.count) == 0 }
                && type[name.count] == 0
        }
    }
}

/// Called by cmark-gfm in place of its own function of this name: the executables that link
/// this module export it (Package.swift), and cmark-gfm calls it through its procedure linkage
/// table, so the dynamic linker binds those calls here. See `CmarkParser.pinSpecialCharacters`.
/// Public only so that the optimiser keeps it; nothing in Swift calls it.
@_cdecl("cmark_manage_extensions_special_characters")
public func cmarkManageSpecialCharacters(_ parser: OpaquePointer?, _ add: Int32) {
    CmarkParser.manageSpecialCharacters(parser, add)
}
