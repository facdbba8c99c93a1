/// A JSX element or a block-level HTML tag of a page (`<Tabs groupId="os">`, `<div>`), as the MDX
/// layer found it. Its content is the children of the `.mdx` node that carries it.
///
/// The fields live in one shared heap box, for the reason `CodeBlockInfo` gives: inline, they
/// made every node of every page as wide as this element.
public struct MDXElement: Sendable {
    /// The stored fields; see the properties of the same names.
    struct Fields: Sendable {
        var name: String
        var component: MDXComponent?
        var attributes: [MDXAttribute]
        var openTag: String
        var isSelfClosing: Bool
        var line: Int
        var column: Int
        var toc: [TOCEntry]?
        var literal: String?
    }

    private var fields: SharedBox<Fields>

    public init(
        name: String, component: MDXComponent?, attributes: [MDXAttribute], openTag: String,
        isSelfClosing: Bool, line: Int, column: Int, toc: [TOCEntry]? = nil, literal: String? = nil
    ) {
        fields = SharedBox(
            Fields(
                name: name, component: component, attributes: attributes, openTag: openTag,
                isSelfClosing: isSelfClosing, line: line, column: column, toc: toc, literal: literal))
    }

    /// The tag name as written (`TabItem`, `details`).
    public var name: String {
        get { fields.value.name }
        set { change { $0.name = newValue } }
    }
    /// The built-in component this element is (nil for HTML tags and components docket cannot render).
    public var component: MDXComponent? {
        get { fields.value.component }
        set { change { $0.component = newValue } }
    }
    public var attributes: [MDXAttribute] {
        get { fields.value.attributes }
        set { change { $0.attributes = newValue } }
    }
    /// The opening tag's source text: an HTML tag is written out as the author wrote it.
    public var openTag: String {
        get { fields.value.openTag }
        set { change { $0.openTag = newValue } }
    }
    public var isSelfClosing: Bool {
        get { fields.value.isSelfClosing }
        set { change { $0.isSelfClosing = newValue } }
    }
    /// Where the opening `<` is (file line and byte column).
    public var line: Int {
        get { fields.value.line }
        set { change { $0.line = newValue } }
    }
    public var column: Int {
        get { fields.value.column }
        set { change { $0.column = newValue } }
    }
    /// For `TOCInline`: the page's headings, filled in by `HeadingAnchors`.
    public var toc: [TOCEntry]? {
        get { fields.value.toc }
        set { change { $0.toc = newValue } }
    }
    /// For `CodeBlock`: its children as literal text.
    public var literal: String? {
        get { fields.value.literal }
        set { change { $0.literal = newValue } }
    }

    private mutating func change(_ edit: (inout Fields) -> Void) {
        var copy = fields.value
        edit(&copy)
        fields = SharedBox(copy)
    }

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
