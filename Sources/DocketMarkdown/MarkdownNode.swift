/// One node of a parsed Markdown document. The whole tree is plain Swift values: it is parsed once
/// and every later stage (headings, links, rendering, runbook extraction) reads or rewrites it.
public struct MarkdownNode: Sendable {
    public var kind: Kind
    public var children: [MarkdownNode]
    public var range: SourceRange

    public init(_ kind: Kind, children: [MarkdownNode] = [], range: SourceRange = .unknown) {
        self.kind = kind
        self.children = children
        self.range = range
    }

    /// Column alignment of a GFM table column.
    public enum Alignment: Sendable, Equatable {
        case none, left, center, right
    }

    /// What a node is, with the data only that kind carries.
    public enum Kind: Sendable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// `task` is nil for an ordinary item, else whether the box is checked.
        case item(task: Bool?)
        /// `info` is the info string, read once when the page is parsed. The literal comes first
        /// so that the info's box pointer is the last word, as in the other wide cases: the enum's
        /// tag then fits in that word's spare bits (see `NodeLayoutTests`).
        case codeBlock(literal: String, info: CodeBlockInfo)
        case htmlBlock(String)
        case paragraph
        /// `id` is filled in by `HeadingAnchors`; nil before that, and for the H1. The level
        /// (1-6) is a byte after the id, so the case leaves spare bits for the enum's tag.
        case heading(id: String?, level: UInt8)
        case thematicBreak
        case footnoteDefinition(label: String)
        case table(alignments: [Alignment])
        case tableRow(isHeader: Bool)
        case tableCell
        /// A `:::name` container (admonitions). A title, when one was given, is the first child
        /// (`.directiveTitle`); the other children are the blocks of its content.
        case directive(Directive)
        /// The title of the directive it is the first child of; its children are the title's
        /// inlines, so every walk over the tree sees them (links in titles are resolved).
        case directiveTitle
        /// A JSX element or block-level HTML tag whose content is Markdown (`<Tabs>`, `<div>`);
        /// its children are blocks, or inlines when the content was written on the tag's line.
        /// Not `indirect`: with this case boxed, a debug build (Swift 6.3.1) spins forever in
        /// `SiteAssembler` on any site, reproducibly after a clean rebuild of the module.
        case mdx(MDXElement)

        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: LinkTitle)
        case image(source: String, title: LinkTitle)
        case footnoteReference(label: String)
    }

    /// A `:::name[title]` or `:::name title` container. Its title is a child node.
    public struct Directive: Sendable {
        public var name: String
        /// Stored in 32 bits: with a 64-bit count the case would fill the enum's last word and
        /// leave no spare bits for its tag (a fence of 2^31 colons is far past the markup budget).
        private var storedFenceLength: Int32

        /// The number of colons of the opening fence (nesting uses more).
        public var fenceLength: Int {
            get { Int(storedFenceLength) }
            set { storedFenceLength = Int32(clamping: newValue) }
        }

        public init(name: String, fenceLength: Int) {
            self.name = name
            storedFenceLength = Int32(clamping: fenceLength)
        }
    }

    /// A directive node: its title (when given) becomes the first child, then the blocks.
    public static func directive(
        name: String, fenceLength: Int, title: MarkdownNode?, blocks: [MarkdownNode],
        range: SourceRange
    ) -> MarkdownNode {
        MarkdownNode(
            .directive(Directive(name: name, fenceLength: fenceLength)),
            children: title.map { [$0] + blocks } ?? blocks, range: range)
    }
}

extension MarkdownNode {
    /// True for inline kinds.
    public var isInline: Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .strikethrough,
            .link, .image, .footnoteReference:
            return true
        default:
            return false
        }
    }

    /// True for the kinds whose children may be blocks: the document, quotes, lists and their
    /// items, footnote definitions, directives and MDX elements. Headings, HTML blocks and
    /// code blocks stand only in these; a paragraph, heading or table holds none.
    public var mayHoldBlocks: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .footnoteDefinition, .directive, .mdx: return true
        default: return false
        }
    }

    /// A directive's title node (its first child), if it has one.
    public var directiveTitle: MarkdownNode? {
        guard case .directive = kind, let first = children.first, case .directiveTitle = first.kind else { return nil }
        return first
    }

    /// A directive's content blocks: its children after the title.
    public var directiveBlocks: ArraySlice<MarkdownNode> {
        directiveTitle == nil ? children[...] : children.dropFirst()
    }
}
