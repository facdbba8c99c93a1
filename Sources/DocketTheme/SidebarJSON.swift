import DocketSite
import Foundation

/// `sidebar.json`: the whole sidebar tree, fetched once by the theme's JS to expand categories
/// whose children a page left out.
public enum SidebarJSONFile {
    public static func render(_ site: Site) -> String {
        let tree = site.sidebar.map { node($0, site: site) }
        let data = (try? JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func node(_ item: SidebarItem, site: Site) -> [String: Any] {
        var dict: [String: Any] = [:]
        switch item {
        case .doc(let doc):
            dict = ["type": "doc", "label": doc.label, "key": doc.id, "items": [Any]()]
        case .link(let label, let href):
            dict = ["type": "link", "label": label, "key": href, "items": [Any]()]
        case .category(let category):
            dict = ["type": "category", "label": category.label, "key": category.key,
                    "items": category.items.map { node($0, site: site) }]
        }
        if let url = site.url(of: item) {
            if case .link = item { dict["url"] = url } else { dict["url"] = URLPath.encode(url) }
        }
        return dict
    }
}
