import DocketSite

/// A sidebar item's template data as a dictionary key: `SidebarContext` keeps each rendered
/// item by it, and a context made after a retitle or a new page takes over the HTML of every
/// item whose data did not change instead of running the template 10,000 times again.
///
/// Two keys are equal when every value the template can read is; the hash leaves out the
/// custom props (not hashable) and reads only the length of the children's HTML (a category's
/// children can be most of the sidebar: hashing them at every level would cost more than it saves).
struct SidebarRenderKey: Hashable, Sendable {
    let view: SidebarItemView

    static func == (a: SidebarRenderKey, b: SidebarRenderKey) -> Bool {
        let x = a.view, y = b.view
        return x.kind == y.kind && x.level == y.level && x.label == y.label && x.key == y.key && x.url == y.url
            && x.active == y.active && x.activePath == y.activePath && x.external == y.external
            && x.expanded == y.expanded && x.collapsible == y.collapsible && x.hasLazyItems == y.hasLazyItems
            && x.className == y.className && x.customProps == y.customProps && x.itemsHTML == y.itemsHTML
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(view.kind)
        hasher.combine(view.level)
        hasher.combine(view.label)
        hasher.combine(view.key)
        hasher.combine(view.url)
        hasher.combine(view.active)
        hasher.combine(view.activePath)
        hasher.combine(view.expanded)
        hasher.combine(view.className)
        hasher.combine(view.customProps == nil)
        hasher.combine(view.itemsHTML.utf8.count)
    }
}
