import DocketMarkdown

/// One searchable part of a page: the text before its first heading (with the page's title,
/// description and keywords), or one heading (h2–h6) with the text up to the next one. Search
/// returns one result per section, so a reader lands on the heading that holds the words.
public struct SearchSection: Sendable {
    /// Index of the page in the search index's page list.
    public var page: Int
    /// The heading's text; empty for the part before the first heading.
    public var heading: String
    /// The heading's id; empty for the part before the first heading.
    public var anchor: String
    /// Paragraphs, list items, table cells, admonitions (titles included) and code blocks, whitespace collapsed.
    public var text: String
    /// The page's title, on its first section only (ranked above everything else).
    public var title: String = ""
    /// The page's `keywords`, on its first section only.
    public var keywords: [String] = []

    /// A section; `title` and `keywords` are given on a page's first section only.
    public init(page: Int, heading: String, anchor: String, text: String, title: String = "", keywords: [String] = []) {
        self.page = page
        self.heading = heading
        self.anchor = anchor
        self.text = text
        self.title = title
        self.keywords = keywords
    }

    /// The sections of a page's Markdown tree, in page order. The content title (the leading H1)
    /// is left out: it is the page title. A heading inside a container (an admonition, a quote)
    /// does not start a section; its text belongs to the enclosing one.
    public static func sections(
        of root: MarkdownNode, page: Int, title: String, description: String?, keywords: [String]
    )
        -> [SearchSection]
    {
        var text = TextCollector()
        if let description { text.add(description) }
        var sections: [SearchSection] = []
        // The first section always exists: it carries the title, even when no text precedes the
        // first heading.
        var current = SearchSection(page: page, heading: "", anchor: "", text: "", title: title, keywords: keywords)
        let titleIndex = root.contentTitleIndex
        root.children.withUnsafeBufferPointer { blocks in
            for index in blocks.indices where index != titleIndex {
                if case .heading(let id?, let level) = blocks[index].kind, level >= 2 {
                    current.text = text.finish()
                    sections.append(current)
                    current = SearchSection(
                        page: page, heading: collapse(blocks[index].plainText), anchor: id, text: "")
                } else {
                    text.addBlock(blocks, index)
                }
            }
        }
        current.text = text.finish()
        sections.append(current)
        return sections
    }

    /// Runs of ASCII whitespace become one space; ends trimmed. Works on the UTF-8 bytes, written
    /// straight into the new string (never longer than the text).
    public static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            out[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        out[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// Gathers the readable text of blocks, one space between blocks: each block's text with runs
    /// of ASCII whitespace made one space and its ends trimmed (`collapse`), written straight
    /// into one buffer. Making each block's plain text, then its collapsed copy, then joining the
    /// pieces was three strings a block, for every block of every page.
    struct TextCollector {
        private var bytes: [UInt8] = []
        /// Bytes written for the current block (a space separates it from the previous one).
        private var blockCount = 0
        private var pendingSpace = false

        /// Adds a text as one block.
        mutating func add(_ text: String) {
            append(text)
            endBlock()
        }

        /// Adds the text of `nodes[index]`. Nodes are read where they stand in their arrays, by
        /// index: a node passed as an argument to a mutating method is copied (its payload and
        /// children retained and released), for every block and inline of every page.
        mutating func addBlock(_ nodes: UnsafeBufferPointer<MarkdownNode>, _ index: Int) {
            switch nodes[index].kind {
            case .paragraph, .heading, .tableCell, .directiveTitle:
                appendPlainText(of: nodes[index].children)
                endBlock()
            case .codeBlock(let literal, _):
                add(literal)
            case .htmlBlock, .thematicBreak:
                return
            default:
                // Lists, items, quotes, tables, rows, footnotes: their blocks hold the text.
                nodes[index].children.withUnsafeBufferPointer { children in
                    for child in children.indices { addBlock(children, child) }
                }
            }
        }

        /// The text gathered since the last `finish`.
        mutating func finish() -> String {
            defer {
                bytes.removeAll(keepingCapacity: true)
                endBlock()
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The `plainText` of `nodes`, appended as it is read.
        private mutating func appendPlainText(of nodes: [MarkdownNode]) {
            nodes.withUnsafeBufferPointer { nodes in
                for index in nodes.indices {
                    switch nodes[index].kind {
                    case .text(let text), .code(let text):
                        append(text)
                    case .softBreak, .lineBreak:
                        pendingSpace = blockCount > 0
                    case .htmlInline, .htmlBlock, .footnoteReference:
                        continue
                    default:
                        appendPlainText(of: nodes[index].children)
                    }
                }
            }
        }

        private mutating func endBlock() {
            blockCount = 0
            pendingSpace = false
        }

        private mutating func append(_ text: String) {
            text.withUTF8Bytes { append(bytes: $0) }
        }

        private mutating func append(bytes text: UnsafeBufferPointer<UInt8>) {
            let count = text.count
            var index = 0
            while index < count {
                if Self.isSpace(text[index]) {
                    pendingSpace = blockCount > 0
                    index += 1
                    continue
                }
                // A run that is already collapsed (words with one plain space between them,
                // most of a text node) is copied whole; it ends before other whitespace.
                var end = index + 1
                while end < count {
                    let byte = text[end]
                    if byte > 0x20 || !Self.isSpace(byte) {
                        end += 1
                    } else if byte == 0x20, end + 1 < count, !Self.isSpace(text[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                if blockCount == 0 {
                    if !bytes.isEmpty { bytes.append(0x20) }
                } else if pendingSpace {
                    bytes.append(0x20)
                }
                pendingSpace = false
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
                blockCount += end - index
                index = end
            }
        }

        /// ASCII whitespace, as `collapse` reads it.
        @inline(__always)
        private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    }
}
