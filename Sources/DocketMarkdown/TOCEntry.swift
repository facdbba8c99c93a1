/// A heading of depth 2 or more, as the table of contents lists it.
public struct TOCEntry: Sendable {
    public var level: Int
    public var id: String
    /// The heading's inline nodes (rendered for the TOC with links reduced to text); empty once
    /// `titleHTML` holds that rendering.
    public var title: [MarkdownNode]
    public var text: String
    /// The title as the TOC shows it, rendered when the page was parsed (a build keeps this
    /// instead of the nodes; see `prerenderTitle`); nil when `title` is to be rendered.
    public var titleHTML: String?

    public init(level: Int, id: String, title: [MarkdownNode], text: String) {
        self.level = level
        self.id = id
        self.title = title
        self.text = text
    }

    /// Renders `title` as the TOC shows it (`HTMLRenderer.render(inlines:plainLinks:)`, which
    /// needs no link URL) and lets go of the nodes.
    public mutating func prerenderTitle(with renderer: HTMLRenderer) {
        titleHTML = renderer.render(inlines: title, plainLinks: true)
        title = []
    }
}
