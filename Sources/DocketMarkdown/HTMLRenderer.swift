import DocketHighlight

/// Renders a `MarkdownNode` tree to HTML. It never changes the tree: heading ids and the like are
/// settled by earlier stages, and the site URL of a link is looked up in `linkURLs`, so rendering
/// is a pure function of the tree and options.
public struct HTMLRenderer: Sendable {
    /// Extra markup around a fenced code block, e.g. a runbook step label; nil for none.
    public typealias CodeBlockLabel = @Sendable (_ node: MarkdownNode, _ info: CodeBlockInfo) -> String?

    public var codeBlockLabel: CodeBlockLabel?
    /// Replace `:shortcode:` emoji in text (`markdown.emoji`, on by default as in Docusaurus).
    public var emoji = true
    /// The cards `<DocCardList/>` shows on this page: the items of the sidebar category the page
    /// is the index of; nil when the page is no category's index.
    public var docCards: [DocCardLink]?
    /// The URL each link or image destination is written as, by destination as written (the
    /// page's resolved links); a destination not in it is written as it is.
    public var linkURLs: [String: String] = [:]

    public init(codeBlockLabel: CodeBlockLabel? = nil, linkURLs: [String: String] = [:]) {
        self.codeBlockLabel = codeBlockLabel
        self.linkURLs = linkURLs
    }

    /// Renders a whole document. `contentTitleIndex` is the top-level child rendered as the page's
    /// `<header><h1>`, if any.
    public func render(document root: MarkdownNode, contentTitleIndex: Int? = nil) -> String {
        var context = Context(footnotes: FootnoteNumbers.of(root))
        var out = HTMLOutput(capacity: 4096)
        document(root, contentTitleIndex: contentTitleIndex, into: &out, context: &context)
        return out.text
    }

    /// `render(document:contentTitleIndex:)` before the page's links are resolved: every link
    /// and image URL is left as a hole, filled by `LinkedHTML.html(linkURLs:)` (`linkURLs` here
    /// is not read).
    public func renderLinked(document root: MarkdownNode, contentTitleIndex: Int? = nil) -> LinkedHTML {
        var context = Context(footnotes: FootnoteNumbers.of(root))
        context.holes = []
        var out = HTMLOutput(capacity: 4096)
        document(root, contentTitleIndex: contentTitleIndex, into: &out, context: &context)
        // Kept until the page is written: no unused room (grown by appending, it had up to as much again).
        let holes = context.holes ?? []
        return LinkedHTML(
            text: out.text,
            holes: holes.capacity == holes.count
                ? holes
                : [LinkedHTML.Hole](unsafeUninitializedCapacity: holes.count) { buffer, count in
                    _ = buffer.initialize(from: holes)
                    count = holes.count
                })
    }

    private func document(
        _ root: MarkdownNode, contentTitleIndex: Int?, into out: inout HTMLOutput, context: inout Context
    ) {
        root.children.withUnsafeBufferPointer { children in
            guard let first = children.baseAddress else { return }
            for index in children.indices {
                if index == contentTitleIndex {
                    out += "<header>"
                    block(first + index, into: &out, context: &context, tight: false)
                    out += "</header>\n"
                } else {
                    block(first + index, into: &out, context: &context, tight: false)
                }
            }
        }
        if context.hasFootnotes {
            out += "</ol>\n</section>\n"
        }
    }

    /// Renders inline nodes; for TOC entries `plainLinks` reduces links to text and drops images.
    public func render(inlines: [MarkdownNode], plainLinks: Bool = false) -> String {
        var out = HTMLOutput(capacity: 256)
        var context = Context(footnotes: [:])
        context.plainLinks = plainLinks
        self.inlines(inlines, into: &out, context: &context)
        return out.text
    }

    struct Context {
        var footnotes: [String: Int]
        var hasFootnotes = false
        /// How many references to each footnote were written so far: a repeated reference gets
        /// its own id (`…fnref-1-2`) and its note a back link to each.
        var footnoteReferences: [String: Int] = [:]
        var plainLinks = false
        /// Tab sets rendered so far on the page, for unique element ids.
        var tabSets = 0
        /// Where the link and image URLs go, when they are left out (`renderLinked`); nil when
        /// they are written.
        var holes: [LinkedHTML.Hole]?
    }

    /// The id part of a footnote's anchors: the label lower-cased, as remark-gfm writes it.
    static func footnoteAnchor(_ label: String) -> String {
        footnoteID(label).htmlEscaped
    }

    /// The ids a footnote with `label` gives its page: the note's and its first reference's
    /// (`user-content-fn-1`, `user-content-fnref-1`), so links to them can be checked.
    public static func footnoteAnchorIDs(label: String) -> [String] {
        ["user-content-fn-" + footnoteID(label), "user-content-fnref-" + footnoteID(label)]
    }

    private static func footnoteID(_ label: String) -> String { label.lowercased() }

    /// One footnote as remark-gfm renders it in Docusaurus: the first opens the section with its
    /// visually hidden heading, and the back link goes inside the last paragraph when there is one.
    private func footnoteDefinition(
        _ node: MarkdownNode, label: String, into out: inout HTMLOutput, context: inout Context
    ) {
        if !context.hasFootnotes {
            context.hasFootnotes = true
            out +=
                "<section data-footnotes=\"\" class=\"footnotes\"><h2 class=\"sr-only\" id=\"footnote-label\">Footnotes</h2>\n<ol>\n"
        }
        let anchor = Self.footnoteAnchor(label)
        let number = context.footnotes[label].map(String.init) ?? label.htmlEscaped
        let backref = (1...max(1, context.footnoteReferences[label] ?? 0)).map { nth in
            let suffix = nth > 1 ? "-\(nth)" : ""
            let mark = nth > 1 ? "↩<sup>\(nth)</sup>" : "↩"
            return
                "<a href=\"#user-content-fnref-\(anchor)\(suffix)\" data-footnote-backref=\"\" aria-label=\"Back to reference \(number)\(suffix)\" class=\"data-footnote-backref\">\(mark)</a>"
        }.joined(separator: " ")
        out += "<li id=\"user-content-fn-\(anchor)\">\n"
        let lastIsParagraph =
            node.children.last.map {
                if case .paragraph = $0.kind { return true }; return false
            } ?? false
        node.children.withUnsafeBufferPointer { children in
            guard let first = children.baseAddress else { return }
            for index in children.indices {
                if lastIsParagraph && index == children.count - 1 {
                    out += "<p>"
                    inlines(children[index].children, into: &out, context: &context)
                    out += " \(backref)</p>\n"
                } else {
                    block(first + index, into: &out, context: &context, tight: false)
                }
            }
        }
        if !lastIsParagraph { out += backref + "\n" }
        out += "</li>\n"
    }

    // MARK: blocks

    /// Writes one block. `node` points into a children array that outlives the call (the
    /// renderer takes it inside that array's `withUnsafeBufferPointer`; see `inlines`).
    func block(_ node: UnsafePointer<MarkdownNode>, into out: inout HTMLOutput, context: inout Context, tight: Bool) {
        switch node.pointee.kind {
        case .document:
            blocks(node.pointee.children, into: &out, context: &context, tight: false)
        case .paragraph:
            if tight {
                inlines(node.pointee.children, into: &out, context: &context)
                return
            }
            out += "<p>"
            inlines(node.pointee.children, into: &out, context: &context)
            out += "</p>\n"
        case .heading(let id, let level):
            heading(node, level: Int(level), id: id, into: &out, context: &context)
        case .blockQuote:
            out += "<blockquote>\n"
            blocks(node.pointee.children, into: &out, context: &context, tight: false)
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let hasTasks = node.pointee.children.contains {
                if case .item(task: .some) = $0.kind { return true }; return false
            }
            out += ordered ? "<ol" : "<ul"
            if ordered && start != 1 { out += " start=\"\(start)\"" }
            if hasTasks { out += " class=\"contains-task-list\"" }
            out += ">\n"
            node.pointee.children.withUnsafeBufferPointer { items in
                guard let first = items.baseAddress else { return }
                for index in items.indices { listItem(first + index, tight: isTight, into: &out, context: &context) }
            }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .item:
            listItem(node, tight: tight, into: &out, context: &context)
        case .codeBlock(let literal, let info):
            codeBlock(node.pointee, info: info, literal: literal, into: &out)
        case .htmlBlock(let html):
            out += html
            if !html.hasSuffix("\n") { out += "\n" }
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let alignments):
            table(node, alignments: alignments, into: &out, context: &context)
        case .footnoteDefinition(let label):
            footnoteDefinition(node.pointee, label: label, into: &out, context: &context)
        case .directive(let directive):
            admonition(node.pointee, directive: directive, into: &out, context: &context)
        case .mdx(let element):
            mdx(node.pointee, element: element, into: &out, context: &context)
        case .directiveTitle:
            // Written by `admonition` in the heading; never a block of its own.
            break
        case .tableRow, .tableCell:
            blocks(node.pointee.children, into: &out, context: &context, tight: tight)
        default:
            inline(node, into: &out, context: &context)
        }
    }

    private func heading(
        _ node: UnsafePointer<MarkdownNode>, level: Int, id: String?, into out: inout HTMLOutput, context: inout Context
    ) {
        // Appended piece by piece: an interpolated string is built apart first (twice the work).
        let digit = (1...6).contains(level) ? Self.headingDigits[level - 1] : String(level)
        guard let id else {
            out += "<h"
            out += digit
            out += ">"
            inlines(node.pointee.children, into: &out, context: &context)
            out += "</h"
            out += digit
            out += ">\n"
            return
        }
        let anchor = id.htmlEscaped
        out += "<h"
        out += digit
        out += " id=\""
        out += anchor
        out += "\" class=\"anchor\">"
        inlines(node.pointee.children, into: &out, context: &context)
        // Docusaurus names the heading when its content is one plain string, else the id.
        var label = id
        if node.pointee.children.count == 1, case .text(let text) = node.pointee.children[0].kind { label = text }
        let escapedLabel = label.htmlEscaped
        out += "<a class=\"hash-link\" href=\"#"
        out += anchor
        out += "\" aria-label=\"Direct link to "
        out += escapedLabel
        out += "\" title=\"Direct link to "
        out += escapedLabel
        out += "\">#</a></h"
        out += digit
        out += ">\n"
    }

    /// `1`…`6`, the level of a heading as text.
    private static let headingDigits = ["1", "2", "3", "4", "5", "6"]

    private func listItem(
        _ node: UnsafePointer<MarkdownNode>, tight: Bool, into out: inout HTMLOutput, context: inout Context
    ) {
        if case .item(task: .some(let checked)) = node.pointee.kind {
            out += "<li class=\"task-list-item\"><input type=\"checkbox\" disabled\(checked ? " checked" : "")> "
        } else {
            out += "<li>"
        }
        node.pointee.children.withUnsafeBufferPointer { children in
            guard let first = children.baseAddress else { return }
            for index in children.indices {
                let isParagraph = {
                    if case .paragraph = children[index].kind { return true }; return false
                }()
                // As cmark-gfm: a block starts on its own line, except a tight list's paragraph,
                // which is written without <p>.
                if index == 0, !children[index].isInline, !(tight && isParagraph) { out += "\n" }
                block(first + index, into: &out, context: &context, tight: tight)
                if tight, isParagraph, index < children.count - 1 { out += "\n" }
            }
        }
        out += "</li>\n"
    }

    private func codeBlock(_ node: MarkdownNode, info: CodeBlockInfo, literal: String, into out: inout HTMLOutput) {
        if info.language == "mermaid" {
            out += "<div class=\"mermaid-container\"><pre class=\"mermaid\">\(literal.htmlEscaped)</pre></div>\n"
            return
        }
        // The code as the highlighter reads it: the literal without its final newline, unless
        // magic comments were taken out of it. Most blocks have no magic comment, no line range
        // and no CR: their lines are only counted (splitting every block into substrings was a
        // hundredth of a build) and split only when the highlighter does not know the language.
        var split: [Substring]?
        let lineCount: Int
        var highlighted: Set<Int>
        var code: String?
        if !info.hasHighlightRange, let count = Self.plainLineCount(of: literal) {
            lineCount = count
            highlighted = []
            // The last line was empty: the literal ends with a lone LF, one byte.
            code = literal.utf8.last == 10 ? String(Substring(literal.utf8.dropLast())) : literal
        } else {
            var lines = Self.lines(of: literal)
            let droppedLastLine = lines.last == ""
            if droppedLastLine { lines.removeLast() }
            highlighted = info.highlightedLines(upTo: lines.count)
            if !info.hasHighlightRange {
                if Self.holds("highlight-", in: literal) {
                    let applied = CodeHighlights.apply(to: lines)
                    lines = applied.lines
                    highlighted = applied.highlighted
                } else {
                    // No line can be a magic comment: `apply` would keep every line and mark none.
                    highlighted = []
                    code = droppedLastLine ? String(Substring(literal.utf8.dropLast())) : literal
                }
            }
            split = lines
            lineCount = lines.count
        }
        /// The lines, made only when they are written one by one (no highlighter for the language).
        func allLines() -> [Substring] {
            if let split { return split }
            var lines = Self.lines(of: literal)
            if lines.last == "" { lines.removeLast() }
            return lines
        }
        let label = codeBlockLabel?(node, info)
        out += "<div class=\"code-block"
        if label != nil {
            out += " runbook-step\" data-step=\"\((info.attribute("step") ?? info.attribute("name") ?? "").htmlEscaped)"
        }
        out += "\""
        // `id=` names a block that a runbook step takes its text from (`from=`): the step links here.
        if let id = info.attribute("id"), !id.isEmpty { out += " id=\"block-\(id.htmlEscaped)\"" }
        out += ">"
        if let label { out += label }
        if let title = info.title, !title.isEmpty {
            out += "<div class=\"code-title\">\(title.htmlEscaped)</div>"
        }
        if lineCount == 0, let source = info.attribute("from"), !source.isEmpty {
            // The step's text is the block it names, shown once where the reader reads it; an
            // empty box here would look like a step that does nothing.
            out +=
                "<p class=\"code-block__from\">Its text is <a href=\"#block-\(source.htmlEscaped)\">the block <code>\(source.htmlEscaped)</code></a>, exactly as shown.</p></div>\n"
            return
        }
        var classes: [String] = []
        if !info.language.isEmpty { classes.append("language-\(info.language)") }
        if info.lineNumbersStart != nil { classes.append("line-numbers") }
        out += classes.isEmpty ? "<pre><code>" : "<pre class=\"\(classes.joined(separator: " ").htmlEscaped)\"><code>"
        // Build-time highlighting, one escaped HTML line per source line; a language the
        // highlighter does not know (or a line count that disagrees) stays plain.
        func lineStart(_ index: Int) -> String {
            guard let first = info.lineNumbersStart else {
                return highlighted.contains(index + 1) ? Self.highlightedLineStart : Self.lineStart
            }
            let start = highlighted.contains(index + 1) ? "<span class=\"line highlighted\"" : "<span class=\"line\""
            return start + " data-line=\"\(first + index)\">"
        }
        if let colored = Highlighter.wrappedHTML(
            code: code ?? allLines().joined(separator: "\n"), language: info.language, lineCount: lineCount,
            lineStart: lineStart, lineEnd: "\n</span>")
        {
            out += colored
        } else {
            for (index, line) in allLines().enumerated() {
                out += lineStart(index)
                out += String(line).htmlEscaped
                out += "\n</span>"
            }
        }
        out += "</code></pre></div>\n"
    }

    /// The opening of a code line, made once (a line of every code block of every page).
    private static let lineStart = "<span class=\"line\">"
    private static let highlightedLineStart = "<span class=\"line highlighted\">"

    /// The lines of a code block's text, split at each newline. Bytes, unless the text holds a
    /// CR: `"\r\n"` is one Character, so a split by Characters does not end a line there.
    static func lines(of literal: String) -> [Substring] {
        guard !literal.utf8.contains(13) else {
            return literal.split(separator: "\n", omittingEmptySubsequences: false)
        }
        return literal.utf8.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The number of lines of a code block's text (a final newline ends the last line, it does
    /// not start an empty one), when the text has no CR and no magic comment (`highlight-`):
    /// then its lines are exactly what `lines(of:)` would give. Nil otherwise.
    static func plainLineCount(of literal: String) -> Int? {
        guard !literal.holdsByte(13), !literal.holdsBytes("highlight-") else { return nil }
        var literal = literal
        return literal.withUTF8 { bytes -> Int in
            guard let last = bytes.last else { return 0 }
            var newlines = 0
            var offset = 0
            while let found = bytes.firstOffset(of: 10, from: offset) {
                newlines += 1
                offset = found + 1
            }
            return last == 10 ? newlines : newlines + 1
        }
    }

    /// True when `text` holds `word` (ASCII) as bytes.
    static func holds(_ word: StaticString, in text: String) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        let bytes = text.utf8
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: needle) { return true }
            index = bytes.index(after: found)
        }
        return false
    }

    private func table(
        _ node: UnsafePointer<MarkdownNode>, alignments: [MarkdownNode.Alignment], into out: inout HTMLOutput,
        context: inout Context
    ) {
        out += "<table>\n"
        var inBody = false
        node.pointee.children.withUnsafeBufferPointer { rows in
            for row in rows.indices {
                guard case .tableRow(let isHeader) = rows[row].kind else { continue }
                if isHeader {
                    out += "<thead>\n"
                } else if !inBody {
                    inBody = true
                    out += "<tbody>\n"
                }
                out += "<tr>\n"
                rows[row].children.withUnsafeBufferPointer { cells in
                    for index in cells.indices {
                        out += isHeader ? "<th" : "<td"
                        switch index < alignments.count ? alignments[index] : .none {
                        case .left: out += " style=\"text-align: left\""
                        case .center: out += " style=\"text-align: center\""
                        case .right: out += " style=\"text-align: right\""
                        case .none: break
                        }
                        out += ">"
                        inlines(cells[index].children, into: &out, context: &context)
                        out += isHeader ? "</th>\n" : "</td>\n"
                    }
                }
                out += "</tr>\n"
                if isHeader { out += "</thead>\n" }
            }
        }
        if inBody { out += "</tbody>\n" }
        out += "</table>\n"
    }

    private func admonition(
        _ node: MarkdownNode, directive: MarkdownNode.Directive, into out: inout HTMLOutput, context: inout Context
    ) {
        guard let kind = Admonition.kind(of: directive.name) else {
            out += "<div class=\"admonition admonition-unknown\">\n"
            directiveBlocks(of: node, into: &out, context: &context)
            out += "</div>\n"
            return
        }
        out +=
            "<div class=\"admonition admonition-\(kind)\"><div class=\"admonition-heading\"><span class=\"admonition-icon\"></span>"
        if let title = node.directiveTitle, !title.children.isEmpty {
            inlines(title.children, into: &out, context: &context)
        } else {
            out += directive.name.htmlEscaped
        }
        out += "</div><div class=\"admonition-content\">\n"
        directiveBlocks(of: node, into: &out, context: &context)
        out += "</div></div>\n"
    }

    /// The blocks of a directive after its title.
    private func directiveBlocks(of node: MarkdownNode, into out: inout HTMLOutput, context: inout Context) {
        let skip = node.directiveTitle == nil ? 0 : 1
        node.children.withUnsafeBufferPointer { children in
            guard let first = children.baseAddress else { return }
            for index in children.indices.dropFirst(skip) {
                block(first + index, into: &out, context: &context, tight: false)
            }
        }
    }

    // MARK: inlines

    /// Writes `nodes` in order. Nodes are handed on as pointers into their arrays: a node passed
    /// by value (from a `for node in nodes` loop, or read from the array at a call) was copied, its
    /// payload and children retained and released, for every node of every page.
    func inlines(_ nodes: [MarkdownNode], into out: inout HTMLOutput, context: inout Context) {
        nodes.withUnsafeBufferPointer { nodes in
            guard let first = nodes.baseAddress else { return }
            for index in nodes.indices { inline(first + index, into: &out, context: &context) }
        }
    }

    /// `block` for each of `nodes`, borrowed as `inlines` does.
    func blocks(_ nodes: [MarkdownNode], into out: inout HTMLOutput, context: inout Context, tight: Bool) {
        nodes.withUnsafeBufferPointer { nodes in
            guard let first = nodes.baseAddress else { return }
            for index in nodes.indices { block(first + index, into: &out, context: &context, tight: tight) }
        }
    }

    /// Writes one inline; `node` points into a children array, as for `block`.
    func inline(_ node: UnsafePointer<MarkdownNode>, into out: inout HTMLOutput, context: inout Context) {
        switch node.pointee.kind {
        case .text(let text):
            // A byte scan first: most text holds no colon.
            let hasColon = emoji && text.holdsByte(UInt8(ascii: ":"))
            out += (hasColon ? EmojiShortcodes.replace(in: text) : text).htmlEscaped
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br>\n"
        case .code(let code):
            out += "<code>"
            out += code.htmlEscaped
            out += "</code>"
        case .htmlInline(let html): out += context.plainLinks ? "" : html
        case .emphasis: wrap("<em>", "</em>", node, into: &out, context: &context)
        case .strong: wrap("<strong>", "</strong>", node, into: &out, context: &context)
        case .strikethrough: wrap("<del>", "</del>", node, into: &out, context: &context)
        case .link(let written, let title):
            if context.plainLinks {
                inlines(node.pointee.children, into: &out, context: &context)
                return
            }
            out += "<a href=\""
            if context.holes != nil {
                let offset = out.byteCount
                out += "\""
                if !title.isEmpty { out += " title=\"\(title.text.htmlEscaped)\"" }
                context.holes?.append(
                    LinkedHTML.Hole(
                        destination: written, offset: Int32(offset), targetOffset: Int32(out.byteCount)))
            } else {
                let destination = url(of: written)
                out += destination.htmlEscaped
                out += "\""
                if !title.isEmpty { out += " title=\"\(title.text.htmlEscaped)\"" }
                if Self.isWebLink(destination) { out += Self.webLinkTarget }
            }
            out += ">"
            inlines(node.pointee.children, into: &out, context: &context)
            out += "</a>"
        case .image(let source, let title):
            if context.plainLinks { return }
            out += "<img src=\""
            if context.holes != nil {
                context.holes?.append(
                    LinkedHTML.Hole(destination: source, offset: Int32(out.byteCount), targetOffset: -1))
            } else {
                out += url(of: source).htmlEscaped
            }
            out += "\" alt=\"\(node.pointee.plainText.htmlEscaped)\""
            if !title.isEmpty { out += " title=\"\(title.text.htmlEscaped)\"" }
            out += " loading=\"lazy\">"
        case .footnoteReference(let label):
            let number = context.footnotes[label].map(String.init) ?? label.htmlEscaped
            // In a TOC entry (itself a link) the number alone: a nested link there would be
            // invalid HTML and repeat the reference's id.
            if context.plainLinks {
                out += "<sup>\(number)</sup>"
                return
            }
            let nth = context.footnoteReferences[label, default: 0] + 1
            context.footnoteReferences[label] = nth
            let anchor = Self.footnoteAnchor(label)
            let refID = "user-content-fnref-\(anchor)" + (nth > 1 ? "-\(nth)" : "")
            // The markup remark-gfm gives in Docusaurus: `user-content-` prefixed ids (so a
            // footnote never clobbers a heading id) and a description pointing at the hidden label.
            out +=
                "<sup><a href=\"#user-content-fn-\(anchor)\" id=\"\(refID)\" data-footnote-ref=\"\" aria-describedby=\"footnote-label\">\(number)</a></sup>"
        default:
            block(node, into: &out, context: &context, tight: false)
        }
    }

    private func wrap(
        _ open: String, _ close: String, _ node: UnsafePointer<MarkdownNode>, into out: inout HTMLOutput,
        context: inout Context
    ) {
        out += open
        inlines(node.pointee.children, into: &out, context: &context)
        out += close
    }

    /// The URL a destination is written as: its resolved URL, else itself.
    private func url(of destination: String) -> String {
        Self.url(of: destination, in: linkURLs)
    }

    /// The URL `destination` is written as with `linkURLs`: its resolved URL, else itself. Shared
    /// with `LinkedHTML`'s fill, so both write the same.
    static func url(of destination: String, in linkURLs: [String: String]) -> String {
        linkURLs.isEmpty ? destination : linkURLs[destination] ?? destination
    }

    /// What a web link's `<a>` carries after its `href` and title.
    static let webLinkTarget = " target=\"_blank\" rel=\"noopener noreferrer\""

    /// An http(s) or protocol-relative link, which opens in a new tab (as Docusaurus does); not
    /// `URLPath.isExternal`, which is any URL with a scheme (`mailto:` too) and decides what the
    /// link checker leaves alone.
    static func isWebLink(_ destination: String) -> Bool {
        destination.hasPrefix("http://") || destination.hasPrefix("https://") || destination.hasPrefix("//")
    }
}
