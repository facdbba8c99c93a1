import DocketMarkdown

/// A link or image in a page body, with where it was written: collected once when the page is
/// parsed, so checking the links of a page reads this list and never walks its tree again.
public struct LinkReference: Sendable {
    public enum Kind: Sendable, Equatable {
        case link, image
    }

    public var kind: Kind
    /// The destination as written (a link's URL, an image's source).
    public var destination: String
    /// The link's node in the page's tree: where a broken link is reported.
    public var range: SourceRange

    public init(kind: Kind, destination: String, range: SourceRange) {
        self.kind = kind
        self.destination = destination
        self.range = range
    }

    public var isImage: Bool { kind == .image }
    public var line: Int { range.startLine }
    public var column: Int { range.startColumn }
}
