/// A heading of depth 2 or more, as the table of contents lists it.
public struct TOCEntry: Sendable {
    public var level: Int
    public var id: String
    /// The heading's inline nodes (rendered for the TOC with links reduced to text).
    public var title: [MarkdownNode]
    public var text: String

    public init(level: Int, id: String, title: [MarkdownNode], text: String) {
        self.level = level
        self.id = id
        self.title = title
        self.text = text
    }
}
