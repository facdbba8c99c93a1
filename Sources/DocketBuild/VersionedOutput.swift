import DocketSite
import DocketTheme
import Foundation

/// The files of a versioned site beyond the primary version's: every other version's pages,
/// category and tag pages, search index and sidebar data (under `assets/docket/versions/NAME/`),
/// and the data every page gets for the version dropdown and banner.
enum VersionedOutput {
    /// The dropdown and banner data, or nil for an unversioned site.
    static func menu(_ loaded: LoadedSite) -> VersionMenu? {
        guard let versions = loaded.versions else { return nil }
        let entries = versions.all(loaded).map { VersionMenu.Entry(version: $0.version, site: $0.site) }
        return VersionMenu(entries: entries, primaryName: versions.set.primary.name)
    }

    /// A category page's data with the version data of the primary version; unchanged when unversioned.
    static func decorate(_ data: CardsPageDocument, _ loaded: LoadedSite, menu: VersionMenu?, docID: String?)
        -> CardsPageDocument
    {
        guard let menu, let versions = loaded.versions else { return data }
        return menu.decorate(data, version: versions.set.primary.name, docID: docID)
    }

    /// A doc page's data with the version data of the primary version; unchanged when unversioned.
    static func decorate(_ data: PageDocument, _ loaded: LoadedSite, menu: VersionMenu?, docID: String?) -> PageDocument
    {
        guard let menu, let versions = loaded.versions else { return data }
        return menu.decorate(data, version: versions.set.primary.name, docID: docID)
    }

    /// The site the sitemap lists: the primary site with every other version's indexable pages.
    static func sitemapSite(_ loaded: LoadedSite) -> Site {
        guard let versions = loaded.versions else { return loaded.site }
        var site = loaded.site
        if versions.set.primary.noIndex {
            site.pages = []
            site.generatedIndexes = []
        }
        for other in versions.others where !other.version.noIndex {
            site.pages += other.site.pages
            site.generatedIndexes += other.site.generatedIndexes
        }
        return site
    }

    /// Writes every version but the primary; returns the number of pages written.
    static func write(_ loaded: LoadedSite, theme: Theme, menu: VersionMenu?, into folder: OutputFolder) throws -> Int {
        guard let versions = loaded.versions, let menu else { return 0 }
        var count = 0
        for other in versions.others {
            let context = try PageContext(site: other.site, theme: theme)
            let name = other.version.name
            let failures = other.pages.parallelMap { resolved -> String? in
                do {
                    let data = menu.decorate(try context.page(resolved), version: name, docID: resolved.page.id)
                    guard
                        let file = URLPath.outputFile(
                            for: resolved.page.permalink, trailingSlash: other.site.config.trailingSlash)
                    else { return nil }
                    try folder.write(try theme.render("page", page: data), to: file)
                    resolved.page.parsed.prepared?.releaseHTML()
                    return nil
                } catch {
                    return "\(resolved.page.parsed.displayPath): \(error)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw BuildFailure(message: failure) }
            count += other.pages.count
            for index in other.site.generatedIndexes {
                let data = try context.cardsPage(
                    title: index.title, description: index.description, url: URLPath.encode(index.permalink),
                    cards: context.cards(for: index.items))
                if let file = URLPath.outputFile(for: index.permalink, trailingSlash: other.site.config.trailingSlash) {
                    try folder.write(
                        try theme.render("category", menu.decorate(data, version: name, docID: nil)), to: file)
                    count += 1
                }
            }
            for file in try TagPages.files(other.site, context: context, theme: theme) {
                try folder.write(file.data, to: file.path)
                count += 1
            }
            let assets = "assets/docket/" + menu.assetsFolder(of: other.version)
            try folder.write(SidebarJSONFile.render(other.site), to: assets + "sidebar.json")
            for file in SearchIndex.files(other.site) { try folder.write(file.content, to: assets + file.path) }
            if MermaidBundle.isNeeded(by: other.site) && !MermaidBundle.isNeeded(by: loaded.site) {
                for asset in theme.assets(for: other.site) where asset.path.hasPrefix(MermaidBundle.folder) {
                    try folder.write(asset.content, to: "assets/docket/" + asset.path)
                }
            }
            let prefix = OutputFolder.basePrefix(loaded.site.config)
            var files = Set<String>()
            for page in other.pages { files.formUnion(page.assets) }
            for asset in files.sorted() {
                try folder.copy(
                    other.content.url.appendingPathComponent(asset),
                    to: prefix + other.site.config.contentAssetsFolder + asset)
            }
        }
        // The site root leads to the last version's first page, not to the primary's.
        let last = versions.set.last
        if last != versions.set.primary, let lastSite = versions.others.first(where: { $0.version == last })?.site,
            lastSite.pageIndexByRoute[Site.routeKey(lastSite.config.baseURL)] == nil,
            loaded.site.pageIndexByRoute[Site.routeKey(loaded.site.config.baseURL)] == nil,
            let first = TagPages.firstURL(lastSite)
        {
            let context = try PageContext(site: lastSite, theme: theme)
            try folder.write(
                try theme.render(
                    "redirect", context.plainPage(title: lastSite.config.title, target: URLPath.encode(first))),
                to: URLPath.outputFile(for: lastSite.config.baseURL) ?? "index.html")
        }
        return count
    }
}
