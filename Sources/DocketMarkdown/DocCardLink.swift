/// One card of a `<DocCardList/>`: a doc or category of the current sidebar category.
public struct DocCardLink: Sendable {
    public var label: String
    public var url: String
    public var description: String?

    public init(label: String, url: String, description: String?) {
        self.label = label
        self.url = url
        self.description = description
    }
}
