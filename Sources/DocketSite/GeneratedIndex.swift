/// A `generated-index` category page: a title, a description and cards of the category's items.
public struct GeneratedIndex: Sendable {
    public var title: String
    public var description: String?
    public var permalink: String
    /// The items of the category (filled once the sidebar is complete).
    public var items: [SidebarItem]
    /// Its neighbours in reading order (filled with the docs' navigation).
    public var navigation: Navigation? = nil

    /// The key `Site.sidebarPaths` holds this page's sidebar path under (it has no doc id).
    public static func sidebarKey(_ index: Int) -> String { "\u{1}generated-index-\(index)" }
}
