/// One of the site's sidebars: its name (`defaultSidebar` when there is only the folder tree)
/// and its items in display order.
public struct NamedSidebar: Sendable {
    public var name: String
    public var items: [SidebarItem]

    public init(name: String, items: [SidebarItem]) {
        self.name = name
        self.items = items
    }
}
