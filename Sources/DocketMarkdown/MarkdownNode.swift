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
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case paragraph
        /// `id` is filled in by `HeadingAnchors`; nil before that, and for the H1.
        case heading(level: Int, id: String?)
        case thematicBreak
        case footnoteDefinition(label: String)
        case table(alignments: [Alignment])
        case tableRow(isHeader: Bool)
        case tableCell
        /// A `:::name` container (admonitions). `title` holds the parsed inline title, if any.
        case directive(Directive)
        /// A JSX element or block-level HTML tag whose content is Markdown (`<Tabs>`, `<div>`);
        /// its children are blocks, or inlines when the content was written on the tag's line.
        case mdx(MDXElement)

        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        case footnoteReference(label: String)
    }

    /// A `:::name[title]` or `:::name title` container.
    public struct Directive: Sendable {
        public var name: String
        /// The inline nodes of the title, when one was given.
        public var title: [MarkdownNode]?
        /// The number of colons of the opening fence (nesting uses more).
        public var fenceLength: Int

        public init(name: String, title: [MarkdownNode]?, fenceLength: Int) {
            self.name = name
            self.title = title
            self.fenceLength = fenceLength
        }
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

    /// Calls `visit` on this node and every descendant in document order.
    public func walk(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        for child in children { child.walk(visit) }
    }

    /// Changes nodes in place, depth first; subtrees `visit` leaves alone are not copied.
    public mutating func update(_ visit: (inout MarkdownNode) -> Void) {
        visit(&self)
        for index in children.indices { children[index].update(visit) }
    }
}
