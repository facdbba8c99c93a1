/// A sidebar entry leading to a doc.
public struct SidebarDoc: Sendable {
    public var id: String
    public var label: String
    public var className: String?
    /// `sidebar_custom_props` or the item's `customProps`.
    public var customProps: CustomProps? = nil
    /// `sidebar_key` or the item's `key`; the theme falls back to the id.
    public var key: String? = nil
}
