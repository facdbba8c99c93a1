import DocketSite

/// A generated category page found by its URL: its key in the sidebar paths (so the sidebar marks
/// its category active) and its previous/next links (it sits in the reading order like a doc).
struct GeneratedIndexPage {
    var sidebarKey: String
    var navigation: Navigation?

    /// nil when `url` (encoded, as the build passes it) is no generated category page.
    init?(site: Site, url: String) {
        guard let index = site.generatedIndexes.firstIndex(where: { URLPath.encode($0.permalink) == url }) else {
            return nil
        }
        sidebarKey = GeneratedIndex.sidebarKey(index)
        navigation = site.generatedIndexes[index].navigation
    }

    /// The previous page in the reading order, as `page.prev`.
    var previous: TemplateLink? {
        navigation?.previous.map { TemplateLink(label: $0.label, url: URLPath.encode($0.url)) }
    }

    /// The next page in the reading order, as `page.next`.
    var next: TemplateLink? {
        navigation?.next.map { TemplateLink(label: $0.label, url: URLPath.encode($0.url)) }
    }
}
