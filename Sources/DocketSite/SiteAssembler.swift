import DocketDiagnostics
import DocketMarkdown

/// Turns parsed pages and category files into a `Site`: ids, URLs, duplicates, sidebar,
/// navigation. Serial, but linear in the number of pages.
public enum SiteAssembler {
    /// - Parameters:
    ///   - previous: the site last assembled with the same `config` (`docket serve`): the pages
    ///     whose source is not in `changed` were parsed the same and keep their placement.
    ///   - changed: sources whose parsed page differs from the one `previous` holds (edited,
    ///     added or removed pages).
    ///
    /// The parsed pages are moved into the site's pages when `parsed` is not shared.
    public static func assemble(
        parsed: consuming [ParsedPage],
        categories: [String: CategoryMetadata],
        config: SiteConfig,
        staticFiles: Set<String>,
        contentFiles: Set<String>,
        contentDisplayPath: String,
        reusing previous: Site? = nil,
        changed: Set<String> = []
    ) -> Site {
        var diagnostics = Diagnostics()
        var pages: [Page] = []
        pages.reserveCapacity(parsed.count)
        // A page placed before from the same parsed page and config has the same id, slug, URL
        // and title: placing 10,000 pages again was half of serve's reassembly.
        func reused(_ position: Int) -> Int? {
            let source = parsed[position].source
            guard let previous, !changed.contains(source) else { return nil }
            return previous.pageIndexBySource[source]
        }
        func included(_ position: Int) -> Bool {
            !parsed[position].frontMatter.draft || config.includeDrafts
        }
        // Placing is per page: done on every core (it was a serial 3 % of a 10,000-page build),
        // then taken in order.
        let kept = parsed.indices.filter(included).map { (position: $0, reused: reused($0)) }
        let toPlace = kept.compactMap { $0.reused == nil ? $0.position : nil }
        // Each parsed page is moved into its `Page` (swapped for an empty one): copied, each of
        // its parts was retained, and released again with `parsed`.
        var placements = parsed.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            return toPlace.parallelMap { position in
                var page = ParsedPage.placeholder
                swap(&page, &buffer[position])
                return DocIdentity.place(page, config: config)
            }
        }
        var next = 0
        for (_, reusedIndex) in kept {
            if let previous, let index = reusedIndex {
                pages.append(previous.pages[index])
                continue
            }
            var placement: (Page?, [Diagnostic]) = (nil, [])
            swap(&placement, &placements[next])
            next += 1
            diagnostics.append(contentsOf: placement.1)
            if let placed = placement.0.take() { pages.append(placed) }
        }
        // Sorted by source. The order is worked out on indices, so pages given in order (a
        // build, serve's reassembly but for a new page at the end) are not moved around.
        let order = pages.indices.sorted { codeUnitOrder(pages[$0].source, pages[$1].source) }
        if !order.elementsEqual(pages.indices) { pages = order.map { pages[$0] } }

        // Duplicate ids are errors naming every file; duplicate routes too.
        // Each id's first page; the pages of an id given to more than one, in page order. (Grown
        // in one dictionary with room for every page, rather than an array for every id: this
        // serial step grew faster than the site.)
        var pageIndexByID: [String: Int] = [:]
        pageIndexByID.reserveCapacity(pages.count)
        var shared: [String: [Int]] = [:]
        // Read in place by index: `for page in pages` copies each Page (a large value), which was
        // most of the time of a reassembly in serve once placement was reused.
        for index in pages.indices {
            let id = pages[index].id
            if let first = pageIndexByID.updateValue(index, forKey: id) {
                pageIndexByID[id] = first
                shared[id, default: [first]].append(index)
            }
        }
        for (id, indices) in shared.sorted(by: { $0.key < $1.key }) {
            let files = indices.map { pages[$0].parsed.displayPath }
            for index in indices {
                let others = files.filter { $0 != pages[index].parsed.displayPath }
                // At the `id:` that gave the page its id, when one did.
                diagnostics.error(
                    at: pages[index].parsed.frontMatter.locations["id"] ?? pages[index].location,
                    "docs sharing the same id: '\(id)' is also the id of \(others.joined(separator: ", ")); give one an 'id' in its front matter or rename it"
                )
            }
        }
        var routes = Set<String>(minimumCapacity: pages.count + staticFiles.count)
        var pageByRoute: [String: Int] = [:]
        pageByRoute.reserveCapacity(pages.count)
        for index in pages.indices {
            let key = Site.routeKey(pages[index].permalink)
            if let other = pageByRoute[key] {
                if pages[other].id != pages[index].id {
                    // At the page's `slug:`, when it has one: that is what the message asks to change.
                    diagnostics.error(
                        at: pages[index].parsed.frontMatter.locations["slug"] ?? pages[index].location,
                        "duplicate route \(pages[index].permalink): \(pages[other].parsed.displayPath) is published at the same URL; set a different 'slug'"
                    )
                }
            } else {
                pageByRoute[key] = index
            }
            routes.insert(key)
        }
        var pageIndexBySource: [String: Int] = [:]
        pageIndexBySource.reserveCapacity(pages.count)
        for index in pages.indices { pageIndexBySource[pages[index].parsed.source] = index }

        // Sidebar.
        var autogen = AutogeneratedSidebar(
            pages: pages, categories: categories, config: config, pageIndexByID: pageIndexByID)
        var sidebars: [NamedSidebar] = []
        if let specs = config.sidebars {
            var explicit = ExplicitSidebar(pages: pages, pageIndexByID: pageIndexByID, config: config)
            for (position, spec) in specs.enumerated() {
                // Category keys of later sidebars carry the sidebar's name, so the theme's JS
                // tells apart two "Guides" categories of two sidebars.
                let items = explicit.items(
                    spec.items, autogenerated: &autogen, keyPrefix: position == 0 ? "" : spec.name)
                sidebars.append(NamedSidebar(name: spec.name, items: items))
            }
            diagnostics.append(contentsOf: explicit.diagnostics)
        } else {
            sidebars = [NamedSidebar(name: SiteConfig.defaultSidebarName, items: autogen.items(for: "."))]
        }
        let sidebar = sidebars.first?.items ?? []
        let sidebarNames = sidebars.map(\.name)
        for index in pages.indices {
            guard case .some(.some(let name)) = pages[index].parsed.frontMatter.displayedSidebar,
                !sidebarNames.contains(name)
            else { continue }
            let page = pages[index]
            diagnostics.error(
                at: page.frontMatter.locations["displayed_sidebar"] ?? page.location,
                "Doc with ID \(page.id) wants to display sidebar \(name) but a sidebar with this name doesn't exist (the sidebars are \(sidebarNames.joined(separator: ", ")))"
            )
        }
        diagnostics.append(contentsOf: autogen.diagnostics)
        for index in autogen.generatedIndexes {
            let key = Site.routeKey(index.permalink)
            if pageByRoute[key] != nil {
                diagnostics.error(
                    at: SourceLocation(path: contentDisplayPath, line: 0, column: 0),
                    "duplicate route \(index.permalink): a generated category index and a page share it")
            }
            routes.insert(key)
        }
        for file in staticFiles { routes.insert(Site.routeKey(URLPath.join([config.baseURL, file]))) }

        // Navbar and footer links to pages of the site must lead somewhere too.
        config.checkNavLinks(config.navLinks, routes: routes, diagnostics: &diagnostics)

        var site = Site(
            config: config, pages: pages, sidebar: sidebar, generatedIndexes: autogen.generatedIndexes,
            pageIndexByID: pageIndexByID, pageIndexBySource: pageIndexBySource, pageIndexByRoute: pageByRoute,
            routes: routes,
            staticFiles: staticFiles, contentFiles: contentFiles, navigation: [:], sidebarPaths: [:],
            diagnostics: diagnostics)
        site.sidebars = sidebars
        SiteNavigation.compute(&site)
        return site
    }
}
