/// A JSX element or a block-level HTML tag of a page (`<Tabs groupId="os">`, `<div>`), as the MDX
/// layer found it. Its content is the children of the `.mdx` node that carries it.
public struct MDXElement: Sendable {
    /// The tag name as written (`TabItem`, `details`).
    public var name: String
    /// The built-in component this element is (nil for HTML tags and components docket cannot render).
    public var component: MDXComponent?
    public var attributes: [MDXAttribute]
    /// The opening tag's source text: an HTML tag is written out as the author wrote it.
    public var openTag: String
    public var isSelfClosing: Bool
    /// Where the opening `<` is (file line and byte column).
    public var line: Int
    public var column: Int
    /// For `TOCInline`: the page's headings, filled in by `HeadingAnchors`.
    public var toc: [TOCEntry]?
    /// For `CodeBlock`: its children as literal text.
    public var literal: String?

    /// True when the name starts with a capital letter: a component, not an HTML tag.
    public var isComponentName: Bool { name.first.map { $0.isUppercase } ?? false }

    /// The attribute called `name`, if the tag has one (the last one wins, as in JSX).
    public func attribute(_ name: String) -> MDXAttribute? {
        attributes.last { $0.name == name }
    }

    /// The attribute's value when it is a string, a string literal expression or (for a bare name) nil.
    public func string(_ name: String) -> String? {
        guard let attribute = attribute(name) else { return nil }
        switch attribute.value {
        case .present: return nil
        case .string(let text): return text
        case .expression(let source):
            if case .string(let text)? = MDXLiteral.parse(source) { return text }
            return nil
        }
    }

    /// The attribute read as JSX booleans are: a bare name or `{true}` is true.
    public func flag(_ name: String) -> Bool {
        guard let attribute = attribute(name) else { return false }
        switch attribute.value {
        case .present: return true
        case .string: return true
        case .expression(let source):
            if case .bool(let value)? = MDXLiteral.parse(source) { return value }
            return true
        }
    }
}
