/// A sidebar entry leading to a doc.
public struct SidebarDoc: Sendable {
    public var id: String
    public var label: String
    public var className: String?
}
