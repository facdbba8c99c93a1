/// One entry of the site's sidebar, in display order.
public indirect enum SidebarItem: Sendable {
    case doc(SidebarDoc)
    case category(SidebarCategory)
    case link(label: String, href: String)
}
