/// One sidebar item of `docket list --json`: `type`, `label`, `url` (null for a doc or category
/// without a page), and `id` for docs, `items` for categories.
public struct ListingItem: Encodable, Sendable {
    public var type: String
    public var label: String
    public var url: String?
    public var id: String?
    public var items: [ListingItem]?

    public init(_ entry: SidebarItem, site: Site) {
        switch entry {
        case .doc(let doc):
            (type, label, url, id) = ("doc", doc.label, site.url(of: entry).map(URLPath.encode), doc.id)
        case .link(let label, let href):
            (type, self.label, url) = ("link", label, href)
        case .category(let category):
            (type, label, url) = ("category", category.label, site.url(of: entry).map(URLPath.encode))
            items = category.items.map { ListingItem($0, site: site) }
        }
    }

    private enum CodingKeys: String, CodingKey { case type, label, url, id, items }

    /// `url` is written as null when missing (tools read the key on every item); `id` and
    /// `items` only where they belong.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(label, forKey: .label)
        try container.encode(url, forKey: .url)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(items, forKey: .items)
    }
}
