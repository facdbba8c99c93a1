/// The title of a link or image (`[a](url "title")`), held in a shared heap box.
///
/// Most links have none, and inline it took a 16-byte string in every node: a `MarkdownNode.Kind`
/// is as wide as its widest case, and a link was that case. A box pointer is 8 bytes and has
/// spare bits the enum keeps its tag in, so a node is 48 bytes instead of 64. Titles are never
/// changed after parsing; an empty title shares one box.
public struct LinkTitle: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    private let box: SharedBox<String>

    private static let empty = SharedBox("")

    public init(_ text: String) {
        box = text.isEmpty ? Self.empty : SharedBox(text)
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// The title as written; empty when the link has none.
    public var text: String { box.value }

    public var isEmpty: Bool { box.value.isEmpty }

    public var description: String { box.value }

    public static func == (a: LinkTitle, b: LinkTitle) -> Bool {
        a.box === b.box || a.box.value == b.box.value
    }
}
