/// A `generated-index` category page: a title, a description and cards of the category's items.
public struct GeneratedIndex: Sendable {
    public var title: String
    public var description: String?
    public var permalink: String
    /// The items of the category (filled once the sidebar is complete).
    public var items: [SidebarItem]
}
