import DocketSite

/// The template data of a versioned site's pages: the navbar's version dropdown (each version's
/// counterpart of the page being read, else that version's main doc), the unreleased or
/// unmaintained banner linking to the same page in the last version (else its main doc), the
/// "Version: LABEL" badge, and where the version's search index and sidebar data are.
public struct VersionMenu: Sendable {
    /// A built version and its assembled site.
    public struct Entry: Sendable {
        public var version: DocVersion
        public var site: Site

        public init(version: DocVersion, site: Site) {
            self.version = version
            self.site = site
        }
    }

    /// Newest first.
    public let entries: [Entry]
    /// The version whose search index and sidebar data sit at the unversioned paths.
    public let primaryName: String

    public init(entries: [Entry], primaryName: String) {
        self.entries = entries
        self.primaryName = primaryName
    }

    /// Where a version's files live under `assets/docket/` (`versions/1.0/`; empty for the primary).
    public func assetsFolder(of version: DocVersion) -> String {
        version.name == primaryName ? "" : "versions/\(version.name)/"
    }

    /// A version's main doc (Docusaurus `getMainDocId`): the doc at the version's root, else the
    /// first doc of its sidebar, else its first page.
    public static func mainURL(of site: Site) -> String? {
        if let home = site.pageIndexByRoute[Site.routeKey(site.config.docsBaseURL)] {
            return site.pages[home].permalink
        }
        func first(_ items: [SidebarItem]) -> String? {
            for item in items {
                switch item {
                case .doc(let doc): if let page = site.page(id: doc.id) { return page.permalink }
                case .link: continue
                case .category(let category):
                    if case .doc(let id)? = category.link, let page = site.page(id: id) { return page.permalink }
                    if let url = first(category.items) { return url }
                }
            }
            return nil
        }
        return first(site.sidebar) ?? site.pages.first?.permalink
    }

    /// The URL of the page with `docID` in `entry`'s version (or of the generated category page
    /// at `category`, a path under the version's docs URL), else of its main doc.
    func target(in entry: Entry, docID: String?, category: String? = nil) -> String? {
        if let docID, let page = entry.site.page(id: docID) { return page.permalink }
        if docID == nil, let category,
            let index = entry.site.generatedIndexes.first(where: {
                Self.relative($0.permalink, in: entry.site) == category
            })
        {
            return index.permalink
        }
        return Self.mainURL(of: entry.site)
    }

    /// `url` as a path under the version's docs URL (`/docs/next/category/x` → `category/x`).
    static func relative(_ url: String, in site: Site) -> String? {
        let base = site.config.docsBaseURL.hasSuffix("/") ? site.config.docsBaseURL : site.config.docsBaseURL + "/"
        guard url.hasPrefix(base) else { return nil }
        var rest = String(url.dropFirst(base.count))
        while rest.hasSuffix("/") { rest.removeLast() }
        return rest
    }

    /// The generated category page of `entry` at the encoded URL `url`, as a path under the
    /// version's docs URL: other versions link the same category page (Docusaurus).
    private func category(at url: String?, in entry: Entry) -> String? {
        guard let url, let index = entry.site.generatedIndexes.first(where: { URLPath.encode($0.permalink) == url })
        else { return nil }
        return Self.relative(index.permalink, in: entry.site)
    }

    /// A generated-index or tag page's data with `docsVersion` (dropdown, badge, asset paths)
    /// and `page.versionBanner` of `version` (`docID` nil for a category page: the other versions
    /// link their page at the same path).
    public func decorate(_ data: CardsPageDocument, version name: String, docID: String?) -> CardsPageDocument {
        guard let view = view(version: name, docID: docID, pageURL: docID == nil ? data.page.url : nil) else {
            return data
        }
        var result = data
        result.docsVersion = view.version
        Self.apply(view, to: &result.page)
        return result
    }

    /// A doc page's data with `docsVersion`, the badge and the banner of `version`.
    public func decorate(_ data: PageDocument, version name: String, docID: String?) -> PageDocument {
        guard let view = view(version: name, docID: docID) else { return data }
        var result = data
        result.docsVersion = view.version
        Self.apply(view, to: &result.page)
        return result
    }

    /// Sets the badge and the banner of a page's view, and noindex when the version asks for it.
    private static func apply(
        _ view: (version: VersionView, badge: String?, noIndex: Bool, banner: VersionView.Banner?),
        to page: inout some VersionedPageView
    ) {
        page.versionBadge = view.badge
        if view.noIndex { page.noindex = true }
        page.versionBanner = view.banner
    }

    /// The version data of a page of `version`, or nil when the site has no such version.
    private func view(version name: String, docID: String?, pageURL: String? = nil) -> (
        version: VersionView, badge: String?, noIndex: Bool, banner: VersionView.Banner?
    )? {
        guard let entry = entries.first(where: { $0.version.name == name }) else { return nil }
        let version = entry.version
        let category = category(at: pageURL, in: entry)
        let menu: [VersionView.MenuItem] = entries.compactMap { other in
            guard let url = target(in: other, docID: docID, category: category) else { return nil }
            return VersionView.MenuItem(
                label: other.version.label, url: URLPath.encode(url), active: other.version.name == name)
        }
        let folder = assetsFolder(of: version)
        let view = VersionView(
            name: version.name, label: version.label, className: version.className, menu: menu,
            searchIndex: folder + "search-index.json", sidebarJSON: folder + "sidebar.json")
        var banner: VersionView.Banner?
        if let kind = version.banner, let last = entries.first(where: { $0.version.isLast }), last.version.name != name,
            let latest = target(in: last, docID: docID, category: category)
        {
            banner = VersionView.Banner(
                unreleased: kind == .unreleased, unmaintained: kind == .unmaintained,
                siteTitle: entry.site.config.title, label: version.label,
                latestUrl: URLPath.encode(latest), latestLabel: last.version.label)
        }
        return (view, version.badge ? version.label : nil, version.noIndex, banner)
    }
}
