import DocketDiagnostics

/// The MDX layer in front of cmark-gfm. Line by line, outside fenced code and raw HTML, it:
/// - reads `import`/`export` blocks (theme imports are understood and dropped, others reported);
/// - replaces each line made of JSX/HTML tags (`<Tabs groupId="os">`, `</TabItem>`, `<div>`) with
///   a marker comment of one line, so cmark-gfm parses the Markdown between the tags as Markdown
///   and `MDXFolder` can turn each marker pair into one `.mdx` node;
/// - replaces `{'<'}` and `{/* comments */}` with placeholder tags of the same byte length, so
///   every column of the line stays where it was.
/// Lines inside a component are dedented to the component's content indentation (MDX has no
/// indented code blocks); the removed bytes per line are kept to correct node columns.
struct MDXScanner {
    /// What a marker line stands for, in order.
    enum Event: Sendable {
        case open(Int)
        case close(Int)
        /// Inline Markdown on the tag line (`<TabItem value="a">Apple</TabItem>`), at its file position.
        case inline(String, line: Int, column: Int)
    }

    static let markerPrefix = "<!--docket-mdx:"
    /// Tags whose content HTML keeps raw (cmark-gfm's HTML block type 1).
    static let rawTags: Set<String> = ["pre", "script", "style", "textarea"]
    /// The block-level HTML tags (CommonMark's HTML block kind 6) whose Markdown content is
    /// parsed as Markdown, as MDX does; inline tags (`<span>`, `<a>`) at a line start stay
    /// inline HTML of a paragraph.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "details",
        "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6",
        "header", "hr", "li", "main", "menu", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot",
        "th",
        "thead", "tr", "ul",
    ]
    /// HTML elements with no closing tag.
    static let voidTags: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    let path: String
    /// `.mdx` pages: any expression that is not a literal is an error. `.md` pages keep them as text.
    let isMDX: Bool
    private(set) var elements: [MDXElement] = []
    private(set) var markers: [[Event]] = []
    private(set) var markerLines = Set<Int>()
    /// The text of placeholder `k`.
    private(set) var values: [String] = []
    private(set) var placeholderLines = Set<Int>()
    /// File line → bytes removed from its start by dedenting.
    private(set) var columnShifts: [Int: Int] = [:]
    private(set) var diagnostics = Diagnostics()
    /// Element → the indentation its opening tag's marker line was written with.
    private var openMarkerIndent: [Int: Int] = [:]
    /// Local names imported from `@theme/…`.
    private var themeImports: [String: MDXComponent] = [:]
    /// Local names imported from anything else: components docket cannot render.
    private var otherImports: [String: String] = [:]

    private var bytes: [UInt8] = []
    private var lineStarts: [Int] = []
    private var lineOffset = 0

    private struct Open {
        var element: Int
        var contentIndent: Int?
        /// The indentation of the line the opening tag is on, in the file.
        var tagIndent = 0
    }

    init(path: String, isMDX: Bool) {
        self.path = path
        self.isMDX = isMDX
    }

    /// True when `text` may hold anything this layer changes: a `<` or `{`, or an `import`/`export`
    /// at a line start. Pages without them skip the layer.
    static func mayHoldMDX(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Each byte that matters is found with memchr (many bytes at a time): every page passes
            // here, and most hold none of them.
            let (brace, angle, slash, newline) = (UInt8(ascii: "{"), UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(10))
            if bytes.firstOffset(of: brace) != nil { return true }
            var from = 0
            while let found = bytes.firstOffset(of: angle, from: from) {
                if found + 1 < bytes.count, MDXTagParser.isNameStart(bytes[found + 1]) || bytes[found + 1] == slash {
                    return true
                }
                from = found + 1
            }
            // `import` and `export` matter only at a line start.
            var lineStart = 0
            while true {
                if lineStart + 7 <= bytes.count,
                    bytes[lineStart] == UInt8(ascii: "i") || bytes[lineStart] == UInt8(ascii: "e")
                {
                    let word = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineStart + 7])
                    if word.elementsEqual("import ".utf8) || word.elementsEqual("export ".utf8) { return true }
                }
                guard let end = bytes.firstOffset(of: newline, from: lineStart) else { return false }
                lineStart = end + 1
            }
        }
    }

    // MARK: the line pass

    mutating func scan(_ text: String, lineOffset: Int) -> String {
        bytes = Array(text.utf8)
        self.lineOffset = lineOffset
        lineStarts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
        let parser = MDXTagParser(bytes: bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var stack: [Open] = []
        /// An open code fence; `container` is the content column of the list item it is in.
        var fence: (byte: UInt8, length: Int, container: Int?)?
        /// The content column of the last list item line seen, while lines stay inside it.
        var itemContent: Int?
        var rawEnd: [UInt8]?
        var previousBlank = true
        var previousText = false
        var line = 0
        while line < lineStarts.count {
            if line > 0 { out.append(0x0A) }
            let start = lineStarts[line]
            let end = lineEnd(line)
            let fileLine = lineOffset + line + 1
            let fullIndent = indentation(start, end)
            let blank =
                start + fullIndent >= end || (bytes[start + fullIndent] == 0x0D && start + fullIndent + 1 == end)
            var shift = 0
            if !blank, !stack.isEmpty {
                if stack[stack.count - 1].contentIndent == nil { stack[stack.count - 1].contentIndent = fullIndent }
                // The indentation of the outermost element's line belongs to its container (a
                // list item): only what is deeper than it is the components' and removed.
                shift = max(0, min(fullIndent, stack[stack.count - 1].contentIndent ?? 0) - stack[0].tagIndent)
                if shift > 0 { columnShifts[fileLine] = shift }
            }
            let lineStart = start + shift
            let indent = fullIndent - shift
            let rest = lineStart + indent
            line += 1
            func copyLine() { out.append(contentsOf: bytes[lineStart..<end]) }

            if let open = fence {
                // A fence left open in a list item ends with the item (CommonMark): at the first
                // line indented less than the item's content.
                if let container = open.container, !blank, indent < container {
                    fence = nil
                    itemContent = nil
                } else {
                    let run = runLength(of: open.byte, from: rest, end: end)
                    if run >= open.length && indentation(rest + run, end) == end - rest - run { fence = nil }
                    copyLine()
                    continue
                }
            }
            if let marker = rawEnd {
                if contains(marker, from: lineStart, to: end, caseInsensitive: true) { rawEnd = nil }
                copyLine()
                continue
            }
            if blank {
                copyLine()
                previousBlank = true
                previousText = false
                continue
            }
            defer { previousBlank = false }
            if let content = itemContent, indent < content, previousBlank { itemContent = nil }
            if let content = listItemContent(at: rest, end: end) { itemContent = indent + content }
            let first = bytes[rest]
            if first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                let run = runLength(of: first, from: rest, end: end)
                if run >= 3
                    && !(first == UInt8(ascii: "`")
                        && contains([first], from: rest + run, to: end, caseInsensitive: false))
                {
                    fence = (first, run, itemContent.flatMap { indent >= $0 ? $0 : nil })
                    copyLine()
                    previousText = false
                    continue
                }
            }
            if stack.isEmpty && indent >= 4 {
                // Indented code (or a paragraph's continuation): not MDX in a `.md` page.
                copyLine()
                continue
            }
            if first == UInt8(ascii: "<"), rest + 3 < end, bytes[rest + 1] == UInt8(ascii: "!"),
                bytes[rest + 2] == UInt8(ascii: "-"), bytes[rest + 3] == UInt8(ascii: "-")
            {
                if !contains(Array("-->".utf8), from: rest + 4, to: end, caseInsensitive: false) {
                    rawEnd = Array("-->".utf8)
                }
                copyLine()
                previousText = false
                continue
            }
            if first == UInt8(ascii: ":"), runLength(of: first, from: rest, end: end) >= 3 {
                copyLine()
                previousText = false
                continue
            }
            if first == UInt8(ascii: "<"), let name = tagName(at: rest), Self.rawTags.contains(name.lowercased()) {
                let closing = Array("</\(name.lowercased())>".utf8)
                if !contains(closing, from: rest, to: end, caseInsensitive: true) { rawEnd = closing }
                copyLine()
                previousText = false
                continue
            }
            if stack.isEmpty, indent == 0, previousBlank, let consumed = esm(at: rest, line: line - 1) {
                // Blank lines keep the line numbers: the block is not shown.
                for _ in 1..<consumed { out.append(0x0A) }
                line += consumed - 1
                previousText = false
                continue
            }
            if first == UInt8(ascii: "<"),
                let result = structural(
                    at: rest, line: line - 1, stack: stack, previousText: previousText, parser: parser)
            {
                stack = result.stack
                markers.append(result.events)
                markerLines.insert(fileLine)
                // A closing tag goes where its opening tag's marker went: indented as deep as a
                // list the element's content ended with, it would otherwise land in that list.
                var markerIndent = indent
                if case .close(let index)? = result.events.first, let opened = openMarkerIndent[index], opened < indent
                {
                    markerIndent = opened
                    columnShifts[fileLine] = shift + indent - opened
                }
                for case .open(let index) in result.events { openMarkerIndent[index] = markerIndent }
                out.append(contentsOf: bytes[lineStart..<(lineStart + markerIndent)])
                out.append(contentsOf: "\(Self.markerPrefix)\(markers.count - 1)-->".utf8)
                // Lines a multi-line tag took become blank lines.
                let lastLine = self.line(containing: max(result.end - 1, rest))
                for _ in line..<(lastLine + 1) { out.append(0x0A) }
                line = max(line, lastLine + 1)
                previousText = false
                continue
            }
            let (text, resume) = expressions(from: lineStart, end: end, parser: parser)
            out.append(contentsOf: text)
            if resume > end {
                let lastLine = self.line(containing: resume - 1)
                line = max(line, lastLine + 1)
            }
            previousText = true
        }
        for open in stack {
            let element = elements[open.element]
            diagnostics.append(
                Diagnostic(
                    .error, at: location(element.line, element.column),
                    "<\(element.name)> is never closed: add </\(element.name)> (or write <\(element.name) … />)",
                    code: "mdx.syntax"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: tag lines

    private struct Structural {
        var events: [Event]
        var stack: [Open]
        var end: Int
    }

    /// The line at `start` read as tags only, or tags and one run of inline content closed on
    /// the same line; nil when it is ordinary Markdown with some HTML in it.
    private mutating func structural(at start: Int, line: Int, stack: [Open], previousText: Bool, parser: MDXTagParser)
        -> Structural?
    {
        var stack = stack
        let baseDepth = stack.count
        var events: [Event] = []
        var newElements: [MDXElement] = []
        var newDiagnostics: [Diagnostic] = []
        var pos = start
        var currentEnd = lineEnd(line)
        func elementName(_ index: Int) -> String {
            index >= elements.count ? newElements[index - elements.count].name : elements[index].name
        }
        while true {
            while pos < currentEnd, bytes[pos] == 0x20 || bytes[pos] == 0x09 || bytes[pos] == 0x0D { pos += 1 }
            if pos >= currentEnd { break }
            guard bytes[pos] == UInt8(ascii: "<") else { break }
            if let close = parser.closeTag(at: pos), close.end <= currentEnd {
                guard let top = stack.last else {
                    if close.name.first?.isUppercase == true {
                        let (l, c) = position(of: pos)
                        newDiagnostics.append(
                            Diagnostic(
                                .error, at: location(l, c),
                                "</\(close.name)> closes nothing: no <\(close.name)> is open here", code: "mdx.syntax"))
                        pos = close.end
                        continue
                    }
                    return nil
                }
                if elementName(top.element) == close.name {
                    stack.removeLast()
                    events.append(.close(top.element))
                    pos = close.end
                    continue
                }
                guard close.name.first?.isUppercase == true else { return nil }
                let (l, c) = position(of: pos)
                if let match = stack.lastIndex(where: { elementName($0.element) == close.name }) {
                    let inner = stack[(match + 1)...].map { elementName($0.element) }
                    newDiagnostics.append(
                        Diagnostic(
                            .error, at: location(l, c),
                            "</\(close.name)> closes <\(close.name)> while \(inner.map { "<\($0)>" }.joined(separator: ", ")) inside it is still open",
                            code: "mdx.syntax"))
                    for open in stack[match...].reversed() { events.append(.close(open.element)) }
                    stack.removeSubrange(match...)
                } else {
                    newDiagnostics.append(
                        Diagnostic(
                            .error, at: location(l, c),
                            "</\(close.name)> does not match the open <\(elementName(top.element))>", code: "mdx.syntax"
                        ))
                }
                pos = close.end
                continue
            }
            guard let tag = parser.openTag(at: pos) else { break }
            let isHTML = tag.name.first?.isLowercase == true
            if isHTML && !Self.blockTags.contains(tag.name.lowercased()) {
                // Inline HTML: the start of inline content, or an ordinary line.
                if events.isEmpty { return nil }
                break
            }
            if isHTML && (Self.rawTags.contains(tag.name.lowercased()) || (previousText && events.isEmpty)) {
                return nil
            }
            let (l, c) = position(of: pos)
            var element = MDXElement(
                name: tag.name, component: nil,
                attributes: tag.attributes.map { attribute in
                    let (al, ac) = position(of: attribute.offset)
                    return MDXAttribute(name: attribute.name, value: attribute.value, line: al, column: ac)
                },
                openTag: parser.text(pos, tag.end),
                isSelfClosing: tag.isSelfClosing || (isHTML && Self.voidTags.contains(tag.name.lowercased())),
                line: l, column: c)
            if !isHTML {
                element.component =
                    themeImports[tag.name] ?? (otherImports[tag.name] == nil ? MDXComponent(rawValue: tag.name) : nil)
                if element.component == nil {
                    let origin = otherImports[tag.name].map { " (imported from '\($0)')" } ?? ""
                    newDiagnostics.append(
                        Diagnostic(
                            .error, at: location(l, c),
                            "docket cannot render the component <\(tag.name)>\(origin): only Tabs, TabItem, DocCardList, DocCard, Details, Admonition, CodeBlock and TOCInline are built in; the page would render wrong (markdown.mdx.unknownComponents: warn renders its content only)",
                            code: "mdx.unsupported"))
                }
            }
            pos = tag.end
            currentEnd = lineEnd(self.line(containing: tag.end - 1))
            if element.component == .codeBlock && !element.isSelfClosing {
                // The children of a CodeBlock are text, not Markdown: read up to the closing tag.
                let closing = Array("</\(tag.name)>".utf8)
                guard let close = find(closing, from: pos) else {
                    newDiagnostics.append(
                        Diagnostic(
                            .error, at: location(l, c), "<\(tag.name)> is never closed: add </\(tag.name)>",
                            code: "mdx.syntax"))
                    element.literal = ""
                    element.isSelfClosing = true
                    newElements.append(element)
                    events.append(.open(elements.count + newElements.count - 1))
                    continue
                }
                element.literal = codeText(from: pos, to: close, element: element, newDiagnostics: &newDiagnostics)
                element.isSelfClosing = true
                newElements.append(element)
                events.append(.open(elements.count + newElements.count - 1))
                pos = close + closing.count
                currentEnd = lineEnd(self.line(containing: pos - 1))
                continue
            }
            newElements.append(element)
            let index = elements.count + newElements.count - 1
            events.append(.open(index))
            if !element.isSelfClosing {
                stack.append(
                    Open(element: index, contentIndent: nil, tagIndent: indentation(lineStarts[line], lineEnd(line))))
            }
        }
        if events.isEmpty { return nil }
        if pos < currentEnd {
            // Inline content after the tags: it must end with closing tags of elements opened on
            // this line (`<TabItem value="a">Apple</TabItem>`), or belong to a component that
            // stays open.
            var contentEnd = currentEnd
            while contentEnd > pos,
                bytes[contentEnd - 1] == 0x20 || bytes[contentEnd - 1] == 0x09 || bytes[contentEnd - 1] == 0x0D
            { contentEnd -= 1 }
            // The closing tags at the end of the line, left to right, with where each starts.
            var trailing: [(name: String, start: Int)] = []
            var scan = contentEnd
            while scan > pos, bytes[scan - 1] == UInt8(ascii: ">") {
                var open = scan - 1
                while open > pos, !(bytes[open] == UInt8(ascii: "<") && bytes[open + 1] == UInt8(ascii: "/")) {
                    open -= 1
                }
                guard bytes[open] == UInt8(ascii: "<"), let close = parser.closeTag(at: open), close.end == scan else {
                    break
                }
                trailing.insert((close.name, open), at: 0)
                scan = open
                while scan > pos, bytes[scan - 1] == 0x20 || bytes[scan - 1] == 0x09 { scan -= 1 }
            }
            // Of those, only the ones that close elements opened on this line, innermost first;
            // closing tags before them belong to the inline content (`<td><b>YES</b></td>`).
            let innermostFirst =
                stack.count > baseDepth ? stack[baseDepth...].reversed().map { elementName($0.element) } : []
            var taken = min(trailing.count, innermostFirst.count)
            while taken > 0,
                !zip(trailing.suffix(taken), innermostFirst.prefix(taken)).allSatisfy({ $0.0.name == $0.1 })
            { taken -= 1 }
            let closes = trailing.suffix(taken).map(\.name)
            if let first = trailing.suffix(taken).first {
                contentEnd = first.start
                while contentEnd > pos, bytes[contentEnd - 1] == 0x20 || bytes[contentEnd - 1] == 0x09 {
                    contentEnd -= 1
                }
            }
            var closing: [Event] = []
            for name in closes {
                guard stack.count > baseDepth, let top = stack.last, elementName(top.element) == name else {
                    return nil
                }
                closing.append(.close(top.element))
                stack.removeLast()
            }
            if closes.isEmpty {
                guard stack.count > baseDepth, let top = stack.last, !elementName(top.element).isEmpty,
                    elementName(top.element).first?.isUppercase == true
                else { return nil }
            }
            let (l, c) = position(of: pos)
            let (content, _) = expressions(from: pos, end: contentEnd, parser: parser)
            events.append(.inline(String(decoding: content, as: UTF8.self), line: l, column: c))
            events += closing
        }
        elements += newElements
        for diagnostic in newDiagnostics { diagnostics.append(diagnostic) }
        return Structural(events: events, stack: stack, end: currentEnd)
    }

    /// The text of a CodeBlock's children: a string or template literal as its value, other text
    /// as written, with the common indentation and the surrounding blank lines removed.
    private mutating func codeText(
        from start: Int, to end: Int, element: MDXElement, newDiagnostics: inout [Diagnostic]
    ) -> String {
        var text = String(decoding: bytes[start..<end], as: UTF8.self)
        let trimmed = text.trimmingWhitespace
        if trimmed.hasPrefix("{") && trimmed.hasSuffix("}") {
            let source = String(trimmed.dropFirst().dropLast())
            if case .string(let value)? = MDXLiteral.parse(source) { return value }
            newDiagnostics.append(
                Diagnostic(
                    .error, at: location(element.line, element.column),
                    "the children of <\(element.name)> are an expression docket cannot evaluate (only a string or a template literal without ${…})",
                    code: "mdx.unsupported"))
            return source
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let first = lines.first, first.trimmingWhitespace.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingWhitespace.isEmpty { lines.removeLast() }
        let common = lines.filter { !$0.trimmingWhitespace.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        text = lines.map { String($0.dropFirst(min(common, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
        return text
    }

    // MARK: import / export

    /// Reads an `import`/`export` block starting at `start` (up to the next blank line); returns the
    /// number of lines it takes, or nil when the text is prose that happens to start with "import".
    private mutating func esm(at start: Int, line: Int) -> Int? {
        let isImport = hasPrefix("import", at: start)
        guard isImport || hasPrefix("export", at: start), start + 6 < bytes.count,
            bytes[start + 6] == 0x20 || bytes[start + 6] == UInt8(ascii: "{") || bytes[start + 6] == UInt8(ascii: "*")
        else { return nil }
        var last = line
        while last + 1 < lineStarts.count {
            let s = lineStarts[last + 1]
            let e = lineEnd(last + 1)
            if s + indentation(s, e) >= e { break }
            last += 1
        }
        let end = lineEnd(last)
        let statements = ESMStatement.parse(bytes[start..<end], base: start)
        if isImport && (statements.isEmpty || statements.contains { $0.module == nil && !$0.isExport }) { return nil }
        for statement in statements {
            let (l, c) = position(of: statement.offset)
            if statement.isExport {
                diagnostics.append(
                    Diagnostic(
                        .error, at: location(l, c),
                        "MDX 'export' statements are not supported by docket (it never runs JavaScript); the page would render wrong",
                        code: "mdx.unsupported"))
                continue
            }
            guard let module = statement.module else { continue }
            if let component = MDXComponent.imported(from: module) {
                if let name = statement.defaultName { themeImports[name] = component }
                continue
            }
            if MDXComponent.helperModules.contains(module) { continue }
            for name in statement.names { otherImports[name] = module }
            diagnostics.append(
                Diagnostic(
                    .error, at: location(l, c),
                    "docket cannot import '\(module)' (only the @theme components Tabs, TabItem, DocCardList, DocCard, Details, Admonition, CodeBlock and TOCInline are built in); the page would render wrong",
                    code: "mdx.unsupported"))
        }
        return last - line + 1
    }

    // MARK: expressions

    /// Copies `start..<end` with each `{…}` expression replaced: literals and comments by
    /// placeholders, others reported (`.mdx`) and kept. An expression may run past `end` (a
    /// comment over several lines): the offset where copying stopped is returned.
    private mutating func expressions(from start: Int, end: Int, parser: MDXTagParser) -> ([UInt8], Int) {
        guard contains([UInt8(ascii: "{")], from: start, to: end, caseInsensitive: false) else {
            return (Array(bytes[start..<end]), end)
        }
        var out: [UInt8] = []
        var index = start
        var lineEnd = end
        while index < lineEnd {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                out.append(byte)
                if index + 1 < lineEnd { out.append(bytes[index + 1]) }
                index += 2
                continue
            case UInt8(ascii: "`"):
                let run = runLength(of: byte, from: index, end: lineEnd)
                if let close = backtickRun(run, from: index + run, end: lineEnd) {
                    out.append(contentsOf: bytes[index..<(close + run)])
                    index = close + run
                } else {
                    out.append(contentsOf: bytes[index..<(index + run)])
                    index += run
                }
                continue
            case UInt8(ascii: "<"):
                if let tag = parser.openTag(at: index), tag.end <= lineEnd {
                    out.append(contentsOf: bytes[index..<tag.end])
                    index = tag.end
                    continue
                }
            case UInt8(ascii: "{"):
                if index + 1 < lineEnd, bytes[index + 1] == UInt8(ascii: "#") { break }
                let limit = min(bytes.count, index + MDXTagParser.maxTagBytes)
                if let close = parser.expressionEnd(from: index, limit: limit), !spansBlankLine(index, close) {
                    if close > lineEnd { lineEnd = self.lineEnd(self.line(containing: close - 1)) }
                    out += replacement(from: index, to: close)
                    index = close
                    continue
                }
                if isMDX {
                    let (l, c) = position(of: index)
                    diagnostics.append(
                        Diagnostic(
                            .error, at: location(l, c),
                            "this '{' starts an MDX expression that is never closed; write \\{ for a literal brace",
                            code: "mdx.syntax"))
                }
            default:
                break
            }
            out.append(byte)
            index += 1
        }
        return (out, lineEnd)
    }

    /// The bytes that stand for the expression `start..<end` (braces included).
    private mutating func replacement(from start: Int, to end: Int) -> [UInt8] {
        let source = String(decoding: bytes[(start + 1)..<(end - 1)], as: UTF8.self)
        let length = end - start
        var text: String?
        if MDXLiteral.isComment(source) {
            text = ""
        } else if let literal = MDXLiteral.parse(source) {
            switch literal {
            case .string(let value): text = value
            case .number(let number):
                text = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            default: text = nil
            }
        }
        let (l, c) = position(of: start)
        guard let text else {
            let source = String(source.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
            let shown = source.count > 40 ? String(source.prefix(40)) + "…" : source
            if isMDX {
                diagnostics.append(
                    Diagnostic(
                        .error, at: location(l, c),
                        "docket cannot evaluate the MDX expression {\(shown)}: only string literals and comments are supported; write \\{ for a literal brace",
                        code: "mdx.unsupported"))
            } else {
                // Docusaurus compiles .md as MDX by default (markdown.format: mdx), so this is
                // JavaScript there (a value from an import, or a build error); docket shows it
                // as written, and says so.
                diagnostics.append(
                    Diagnostic(
                        .warning, at: location(l, c),
                        "{\(shown)} is shown as written: Docusaurus (markdown.format: mdx, its default) evaluates it as a JavaScript expression, which docket does not; write \\{ for a literal brace, or a string literal such as {'text'}",
                        code: "mdx.unsupported"))
            }
            return Array(bytes[start..<end])
        }
        // Each line of the expression keeps its newline, so later lines keep their numbers.
        var pieces = Array(bytes[start..<end]).split(separator: 0x0A, omittingEmptySubsequences: false).map { $0.count }
        var out: [UInt8] = []
        if text.isEmpty || pieces.count > 1 {
            for (number, count) in pieces.enumerated() {
                if number > 0 { out.append(0x0A) }
                out +=
                    count >= 4
                    ? Array(("<q" + String(repeating: " ", count: count - 3) + ">").utf8)
                    : Array(repeating: 0x20, count: count)
            }
            if !text.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, at: location(l, c),
                        "a string expression over several lines is not supported; put it on one line",
                        code: "mdx.unsupported"))
            }
            placeholderLines.insert(l)
            pieces = []
            return out
        }
        let key = String(values.count, radix: 36)
        guard length >= 3 + key.count else {
            if isMDX || length < 4 {
                return Array(bytes[start..<end])
            }
            return Array(bytes[start..<end])
        }
        values.append(text)
        placeholderLines.insert(l)
        return Array(("<q" + key + String(repeating: " ", count: length - 3 - key.count) + ">").utf8)
    }

    // MARK: helpers

    /// The width of a list item marker and the spaces after it (`- `, `12. `) at `start`, the
    /// item's content column relative to the marker; nil when the line starts no list item.
    private func listItemContent(at start: Int, end: Int) -> Int? {
        var index = start
        if index < end,
            bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "+")
        {
            index += 1
        } else {
            while index < end, index - start < 9, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            guard index > start, index < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
            else { return nil }
            index += 1
        }
        let spaces = runLength(of: 0x20, from: index, end: end)
        guard spaces >= 1 else { return nil }
        // Five or more spaces: the content is indented code one space after the marker.
        return index - start + (spaces > 4 ? 1 : spaces)
    }

    private func lineEnd(_ line: Int) -> Int {
        line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
    }

    /// The 0-based line holding byte `offset`.
    private func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// File line and byte column of `offset`.
    private func position(of offset: Int) -> (Int, Int) {
        let line = line(containing: offset)
        return (lineOffset + line + 1, offset - lineStarts[line] + 1)
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    private func indentation(_ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index - start
    }

    private func runLength(of byte: UInt8, from start: Int, end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == byte { index += 1 }
        return index - start
    }

    /// The start of the next run of exactly `length` backquotes in `start..<end`.
    private func backtickRun(_ length: Int, from start: Int, end: Int) -> Int? {
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "`") {
                let run = runLength(of: bytes[index], from: index, end: end)
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }

    private func spansBlankLine(_ start: Int, _ end: Int) -> Bool {
        var newline = false
        for index in start..<end {
            let byte = bytes[index]
            if byte == 0x0A {
                if newline { return true }
                newline = true
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                newline = false
            }
        }
        return false
    }

    private func hasPrefix(_ word: String, at start: Int) -> Bool {
        let utf8 = Array(word.utf8)
        return start + utf8.count <= bytes.count && bytes[start..<(start + utf8.count)].elementsEqual(utf8)
    }

    private func tagName(at start: Int) -> String? {
        var index = start + 1
        guard index < bytes.count, MDXTagParser.isNameStart(bytes[index]) else { return nil }
        while index < bytes.count, MDXTagParser.isNameByte(bytes[index]) { index += 1 }
        guard
            index >= bytes.count || bytes[index] == 0x20 || bytes[index] == UInt8(ascii: ">") || bytes[index] == 0x0A
                || bytes[index] == UInt8(ascii: "/") || bytes[index] == 0x09 || bytes[index] == 0x0D
        else { return nil }
        return String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start + needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func contains(_ needle: [UInt8], from start: Int, to end: Int, caseInsensitive: Bool) -> Bool {
        guard !needle.isEmpty, end - start >= needle.count else { return false }
        for index in start...(end - needle.count) {
            var match = true
            for offset in 0..<needle.count {
                var byte = bytes[index + offset]
                if caseInsensitive, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != needle[offset] { match = false; break }
            }
            if match { return true }
        }
        return false
    }
}
