import DocketSite

/// `sidebar.json`: the whole sidebar tree, fetched once by the theme's JS to expand categories
/// whose children a page left out.
public enum SidebarJSONFile {
    public static func render(_ site: Site) -> String {
        JSONText.encode(site.sidebar.map { SidebarNode($0, site: site) })
    }
}
