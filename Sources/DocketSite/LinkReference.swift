import DocketMarkdown

/// A link or image in a page body, with where it was written.
public struct LinkReference: Sendable {
    public var destination: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
}
