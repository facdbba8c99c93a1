import DocketSite

/// The sidebar's HTML. Every item is rendered once per site in its resting state (nothing
/// active); a page then renders only the categories on the way to it, expanded and marked, and
/// reuses the cached HTML of everything else. Children of collapsed categories are left out of
/// the page and loaded by the theme's JS from `sidebar.json`, so neither a page's size nor the
/// time to render it grows with the size of the site.
///
/// A category on the way to the page differs from its resting HTML only in being expanded and
/// holding its children: it is rendered once more per site in that state around a marker, and a
/// page joins the two halves around its children instead of running the template again (the
/// sidebar was 7% of a 10,000-page build's CPU time when every page rendered its path).
struct SidebarContext: Sendable {
    let site: Site
    let theme: Theme
    /// One cache per sidebar of the site, in `site.sidebars` order.
    private let caches: [CachedList]
    /// Every item's template output made for this site, by its data: the next context (serve,
    /// after a retitle or a new page) renders only the items whose data changed.
    let renders: [SidebarRenderKey: String]
    /// How many items the resting sidebar ran the template for (tests: the others were reused).
    let templateRuns: Int

    /// The template outputs of one context: taken over from the previous one where the data is
    /// the same, made otherwise.
    private struct Renders {
        let theme: Theme
        let previous: [SidebarRenderKey: String]
        var made: [SidebarRenderKey: String] = [:]
        var templateRuns = 0

        /// Renders on every core the items of `views` that are not taken over, so that the serial
        /// walk below finds them made: the docs and links of a sidebar are almost all of its items
        /// (at 10,000 pages their renders were 3.5 % of a build, on one core).
        mutating func prerender(_ views: [SidebarItemView]) {
            // The keys are made once and stored with their HTML; the walk below looks in `made` first.
            var seen = Set<SidebarRenderKey>(minimumCapacity: views.count)
            var needed: [SidebarRenderKey] = []
            for view in views {
                let key = SidebarRenderKey(view: view)
                if previous[key] == nil, seen.insert(key).inserted { needed.append(key) }
            }
            let theme = theme
            let rendered = needed.parallelMap { key in try? theme.render("sidebar-items", item: key.view) }
            made.reserveCapacity(made.count + needed.count)
            for (key, html) in zip(needed, rendered) {
                // A failed render is left for the walk, which reports it.
                guard let html else { continue }
                made[key] = html
                templateRuns += 1
            }
        }

        mutating func html(_ view: SidebarItemView) throws(ThemeError) -> String {
            let key = SidebarRenderKey(view: view)
            if let html = made[key] { return html }
            if let html = previous[key] {
                made[key] = html
                return html
            }
            let html = try theme.render("sidebar-items", item: view)
            templateRuns += 1
            made[key] = html
            return html
        }
    }

    /// The items of one level: their resting HTML joined (what a page shows of every item off
    /// its path), where each item's part begins and ends in it, and what each item holds.
    /// Joined once per site, so that a page appends the items before and after the ones on its
    /// path as two runs: item by item, the appends were most of the sidebar's cost on a site
    /// with a hundred docs a category.
    private struct CachedList: Sendable {
        var html = ""
        /// `bounds[i]..<bounds[i + 1]` is item `i`'s part of `html`.
        var bounds: [String.Index] = []
        var items: [CachedItem] = []
        /// The positions of the docs of this list, by id (a doc may be listed twice): the page
        /// whose doc ends its path looks its item up here instead of comparing every item's id
        /// with its own (a hundred string comparisons a page at 1,000 pages).
        var docPositions: [String: [Int]] = [:]

        init(_ parts: [String], _ items: [CachedItem], docPositions: [String: [Int]] = [:]) {
            self.docPositions = docPositions
            html = parts.joined()
            var bounds = [html.startIndex]
            bounds.reserveCapacity(parts.count + 1)
            var offset = 0
            for part in parts {
                offset += part.utf8.count
                bounds.append(html.utf8.index(html.startIndex, offsetBy: offset))
            }
            self.bounds = bounds
            self.items = items
        }

        /// The resting HTML of items `range`.
        func html(_ range: Range<Int>) -> Substring { html[bounds[range.lowerBound]..<bounds[range.upperBound]] }
    }

    /// What an item holds besides its resting HTML.
    private struct CachedItem: Sendable {
        var children: CachedList
        /// A category's HTML on the active path, split where its children go; nil for docs and
        /// links, and when the theme's template does not show the children exactly once.
        var onPath: (before: String, after: String)?
    }

    /// Stands for the children while a category's on-path HTML is rendered once: control
    /// characters no label or URL of a valid site holds, and which HTML escaping leaves alone.
    static let childrenMarker = "\u{1}docket-sidebar-children\u{1}"

    /// - Parameters:
    ///   - splitsPath: false renders every category on the active path with the template
    ///     (the reference the split halves are tested against).
    ///   - previous: the `renders` of a context made with the same theme, whose HTML is reused
    ///     for every item whose template data is unchanged.
    init(site: Site, theme: Theme, splitsPath: Bool = true, reusing previous: [SidebarRenderKey: String] = [:])
        throws(ThemeError)
    {
        self.site = site
        self.theme = theme
        var caches: [CachedList] = []
        var renders = Renders(theme: theme, previous: previous)
        renders.made.reserveCapacity(previous.count)
        let sidebars =
            site.sidebars.isEmpty
            ? [NamedSidebar(name: SiteConfig.defaultSidebarName, items: site.sidebar)] : site.sidebars
        renders.prerender(sidebars.flatMap { Self.leaves($0.items, level: 1, site: site) })
        for sidebar in sidebars {
            caches.append(
                try Self.resting(
                    sidebar.items, level: 1, site: site, renders: &renders, splitsPath: splitsPath,
                    inlinesCollapsed: SidebarInlining.inlinesCollapsed(sidebar.items)))
        }
        self.caches = caches
        self.renders = renders.made
        templateRuns = renders.templateRuns
    }

    /// The resting views of the docs and links of `items`, at any depth.
    private static func leaves(_ items: [SidebarItem], level: Int, site: Site) -> [SidebarItemView] {
        var views: [SidebarItemView] = []
        for entry in items {
            if case .category(let category) = entry {
                views += leaves(category.items, level: level + 1, site: site)
            } else {
                views.append(
                    SidebarItemView(entry, level: level, site: site, active: false, onPath: false, childrenHTML: ""))
            }
        }
        return views
    }

    private static func resting(
        _ items: [SidebarItem], level: Int, site: Site, renders: inout Renders, splitsPath: Bool,
        inlinesCollapsed: Bool
    ) throws(ThemeError) -> CachedList {
        var parts: [String] = []
        var result: [CachedItem] = []
        var docPositions: [String: [Int]] = [:]
        for (position, entry) in items.enumerated() {
            if case .doc(let doc) = entry { docPositions[doc.id, default: []].append(position) }
            var children = CachedList([], [])
            var childrenHTML = ""
            if case .category(let category) = entry {
                children = try resting(
                    category.items, level: level + 1, site: site, renders: &renders, splitsPath: splitsPath,
                    inlinesCollapsed: inlinesCollapsed)
                // Collapsed categories hold their links too on a small site (SidebarInlining):
                // without JS they show open (CSS); on a large one they stay lazy (sidebar.json).
                if !category.collapsed || inlinesCollapsed { childrenHTML = children.html }
            }
            let html = try renders.html(
                SidebarItemView(
                    entry, level: level, site: site, active: false, onPath: false, childrenHTML: childrenHTML))
            var onPath: (String, String)?
            if case .category = entry, splitsPath {
                let shell = try renders.html(
                    SidebarItemView(
                        entry, level: level, site: site, active: false, onPath: true,
                        childrenHTML: childrenMarker))
                let parts = shell.components(separatedBy: childrenMarker)
                if parts.count == 2 { onPath = (parts[0], parts[1]) }
            }
            parts.append(html)
            result.append(CachedItem(children: children, onPath: onPath))
        }
        return CachedList(parts, result, docPositions: docPositions)
    }

    /// How many categories have split on-path HTML (tests: the fast path is taken).
    var splitCategories: Int {
        func count(_ list: CachedList) -> Int {
            list.items.reduce(0) { $0 + ($1.onPath == nil ? 0 : 1) + count($1.children) }
        }
        return caches.reduce(0) { $0 + count($1) }
    }

    /// The sidebar HTML for the page with `activeID` (nil: the first sidebar, nothing active):
    /// the sidebar that page displays, or nothing for `displayed_sidebar: null`.
    func html(activeID: String?) throws(ThemeError) -> String {
        guard let activeID else { return caches.first?.html ?? "" }
        // Read in place: `site.page(id:)` would copy the whole page, on every page of a build.
        if let page = site.pageIndexByID[activeID],
            case .some(.none) = site.pages[page].parsed.frontMatter.displayedSidebar
        {
            return ""
        }
        // A doc that no sidebar lists displays none (Docusaurus); a site without named sidebars
        // has the one default sidebar.
        guard let index = site.displayedSidebar[activeID] ?? (site.sidebars.isEmpty ? 0 : nil),
            caches.indices.contains(index)
        else { return "" }
        let items = site.sidebars.isEmpty ? site.sidebar : site.sidebars[index].items
        // One buffer for the whole sidebar: the page's version is its resting HTML plus the
        // expanded categories on its path, so the resting size is close to what it needs.
        var html = ""
        html.reserveCapacity(caches[index].html.utf8.count + 1024)
        try write(
            items, caches[index], level: 1, path: (site.sidebarPaths[activeID] ?? [])[...], activeID: activeID,
            into: &html)
        return html
    }

    /// Appends the items at one level: cached HTML for everything off the path, the split halves
    /// around the children for a category on it, the template only for the active item (and for
    /// a category whose own link is the page, or one the theme's template could not split).
    private func write(
        _ items: [SidebarItem], _ cached: CachedList, level: Int, path: ArraySlice<Int>, activeID: String,
        into html: inout String
    ) throws(ThemeError) {
        // The items that differ from their resting HTML: the category on the path, or, at the
        // path's end, the active doc (each place it is listed). Everything between them is
        // appended as one run.
        var rest = 0
        if let index = path.first {
            if items.indices.contains(index), case .category(let category) = items[index] {
                html += cached.html(rest..<index)
                rest = index + 1
                var linksActive = false
                if case .doc(let id)? = category.link, id == activeID { linksActive = true }
                if case .generatedIndex(let i)? = category.link, GeneratedIndex.sidebarKey(i) == activeID {
                    linksActive = true
                }
                let children = cached.items[index].children
                if !linksActive, let shell = cached.items[index].onPath {
                    html += shell.before
                    try write(
                        category.items, children, level: level + 1, path: path.dropFirst(), activeID: activeID,
                        into: &html)
                    html += shell.after
                } else {
                    var childrenHTML = ""
                    try write(
                        category.items, children, level: level + 1, path: path.dropFirst(), activeID: activeID,
                        into: &childrenHTML)
                    html += try theme.render(
                        "sidebar-items",
                        item: SidebarItemView(
                            items[index], level: level, site: site, active: linksActive, onPath: true,
                            childrenHTML: childrenHTML))
                }
            }
        } else {
            for index in cached.docPositions[activeID] ?? [] where index < items.count {
                html += cached.html(rest..<index)
                rest = index + 1
                html += try theme.render(
                    "sidebar-items",
                    item: SidebarItemView(
                        items[index], level: level, site: site, active: true, onPath: false, childrenHTML: ""))
            }
        }
        html += cached.html(rest..<items.count)
    }
}
