import DocketSite

/// `sidebar.json`: the whole sidebar tree, fetched once by the theme's JS to expand categories
/// whose children a page left out.
public enum SidebarJSONFile {
    /// Every sidebar's items in one list: the JS looks categories up by key, and the keys of
    /// later sidebars carry their sidebar's name.
    public static func render(_ site: Site) -> String {
        let items = site.sidebars.isEmpty ? site.sidebar : site.sidebars.flatMap(\.items)
        return JSONText.encode(items.map { SidebarNode($0, site: site) })
    }
}
