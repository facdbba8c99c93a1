import DocketMarkdown
import DocketSite

extension PageContext {
    /// The cards of `<DocCardList/>` on `page`: the items of the sidebar category whose index the
    /// page is (Docusaurus's `useCurrentSidebarCategory()`); nil when it is no category's index.
    func docCards(for page: Page) -> [DocCardLink]? {
        // The category is looked for in the sidebar the page displays, not only the first one.
        let items = site.sidebars.isEmpty ? site.sidebar : site.sidebarItems(for: page.id)
        guard let category = Self.category(linking: page.id, in: items) else { return nil }
        return cards(for: category.items).map { DocCardLink(label: $0.label, url: $0.url, description: $0.description) }
    }

    private static func category(linking id: String, in items: [SidebarItem]) -> SidebarCategory? {
        for item in items {
            guard case .category(let category) = item else { continue }
            if case .doc(let linked)? = category.link, linked == id { return category }
            if let found = self.category(linking: id, in: category.items) { return found }
        }
        return nil
    }
}
