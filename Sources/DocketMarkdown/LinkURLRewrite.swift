/// Replaces link and image destinations by the URLs a map gives them (the rest stay as written):
/// the tree form of what `HTMLRenderer.linkURLs` does while it writes.
public struct LinkURLRewrite: MarkdownRewriter {
    /// The URL of a destination, by destination as written.
    public let urls: [String: String]

    public init(urls: [String: String]) {
        self.urls = urls
    }

    public mutating func rewrite(_ node: inout MarkdownNode) {
        switch node.kind {
        case .link(let destination, let title):
            if let url = urls[destination] { node.kind = .link(destination: url, title: title) }
        case .image(let source, let title):
            if let url = urls[source] { node.kind = .image(source: url, title: title) }
        default:
            break
        }
        rewriteChildren(of: &node)
    }
}
