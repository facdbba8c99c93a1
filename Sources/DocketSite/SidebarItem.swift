/// One entry of the site's sidebar, in display order.
public indirect enum SidebarItem: Sendable {
    case doc(SidebarDoc)
    case category(SidebarCategory)
    case link(label: String, href: String)
}

/// A sidebar entry leading to a doc.
public struct SidebarDoc: Sendable {
    public var id: String
    public var label: String
    public var className: String?
}

/// A sidebar category: a folder, or a `category` of an explicit sidebar.
public struct SidebarCategory: Sendable {
    /// Where the category's label leads.
    public enum Link: Sendable, Equatable {
        case doc(id: String)
        /// Index into `Site.generatedIndexes`.
        case generatedIndex(Int)
    }

    public var label: String
    public var link: Link?
    public var items: [SidebarItem]
    public var collapsed: Bool
    public var collapsible: Bool
    public var className: String?
    /// A stable key for the category (its folder path, or label path), used by the theme's JS.
    public var key: String
}

/// A `generated-index` category page: a title, a description and cards of the category's items.
public struct GeneratedIndex: Sendable {
    public var title: String
    public var description: String?
    public var permalink: String
    /// The items of the category (filled once the sidebar is complete).
    public var items: [SidebarItem]
}
