import Mustache

/// One card of a generated-index or tag page (`page.cards`): a doc, category, link or tag, with
/// its description when it has one.
public struct CardView: Sendable, MustacheParent {
    public var label: String
    public var url: String
    public var description: String?

    public init(label: String, url: String, description: String? = nil) {
        self.label = label
        self.url = url
        self.description = description
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "url": url
        case "description": description
        default: nil
        }
    }
}
