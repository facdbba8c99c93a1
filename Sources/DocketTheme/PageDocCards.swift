import DocketMarkdown
import DocketSite

extension PageContext {
    /// The cards of `<DocCardList/>` on `page`: the items of the sidebar category whose index the
    /// page is (Docusaurus's `useCurrentSidebarCategory()`); nil when it is no category's index.
    func docCards(for page: Page) -> [DocCardLink]? {
        // The category is looked for in the sidebar the page displays, not only the first one.
        let items = site.sidebars.isEmpty ? site.sidebar : site.sidebarItems(for: page.id)
        guard let category = Self.category(linking: page.id, in: items) else { return nil }
        return cards(for: category.items).compactMap { card in
            guard let label = card["label"] as? String, let url = card["url"] as? String else { return nil }
            return DocCardLink(label: label, url: url, description: card["description"] as? String)
        }
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
