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
    /// `customProps` of the `_category_` file or sidebar item, else the index doc's `sidebar_custom_props`.
    public var customProps: CustomProps? = nil
}
