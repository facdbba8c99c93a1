import DocketDiagnostics

/// Reading order (previous/next), the displayed sidebar and the sidebar path of every doc, from
/// one walk of each sidebar. As in Docusaurus (`sidebars/utils.ts` `getDocNavigation`), a doc
/// reads in the sidebar `displayed_sidebar` names, else in the first sidebar that lists it;
/// `displayed_sidebar: null` shows no sidebar and gives no previous/next.
///
/// The walks are kept by page index, not by id: keyed by id, their dictionaries (grown one
/// entry at a time, then looked up once or twice a page) were most of this serial step, and
/// it grew faster than the site (at 50,000 pages, 258 of the assembler's 669 perf samples).
enum SiteNavigation {
    private enum Stop {
        /// A doc, by its index in `site.pages`; nil for an id no page has.
        case doc(Int?)
        case generatedIndex(Int)
    }

    /// One sidebar's reading order and the first position and path of each doc in it.
    private struct Walk {
        var order: [Stop] = []
        /// By page index, then by generated index: the first position in `order`, or -1.
        var pagePositions: [Int]
        var indexPositions: [Int]
        var pagePaths: [[Int]?]
        var indexPaths: [[Int]?]
        let pageIndexByID: [String: Int]

        init(pages: Int, generatedIndexes: Int, pageIndexByID: [String: Int]) {
            pagePositions = Array(repeating: -1, count: pages)
            indexPositions = Array(repeating: -1, count: generatedIndexes)
            pagePaths = Array(repeating: nil, count: pages)
            indexPaths = Array(repeating: nil, count: generatedIndexes)
            self.pageIndexByID = pageIndexByID
        }

        func position(of stop: Stop) -> Int? {
            let position: Int
            switch stop {
            case .doc(let page?): position = pagePositions[page]
            case .doc(nil): return nil
            case .generatedIndex(let i): position = indexPositions[i]
            }
            return position < 0 ? nil : position
        }

        func path(of stop: Stop) -> [Int]? {
            switch stop {
            case .doc(let page?): return pagePaths[page]
            case .doc(nil): return nil
            case .generatedIndex(let i): return indexPaths[i]
            }
        }

        mutating func add(_ stop: Stop, path: [Int]) {
            switch stop {
            case .doc(let page?) where pagePositions[page] < 0:
                pagePositions[page] = order.count
                pagePaths[page] = path
            case .generatedIndex(let i) where indexPositions[i] < 0:
                indexPositions[i] = order.count
                indexPaths[i] = path
            default: break
            }
            order.append(stop)
        }

        mutating func walk(_ items: [SidebarItem], path: [Int]) {
            for (index, item) in items.enumerated() {
                switch item {
                case .doc(let doc):
                    add(.doc(pageIndexByID[doc.id]), path: path)
                case .link:
                    break
                case .category(let category):
                    let inner = path + [index]
                    switch category.link {
                    case .doc(let id)?: add(.doc(pageIndexByID[id]), path: inner)
                    case .generatedIndex(let i)?: add(.generatedIndex(i), path: inner)
                    case nil: break
                    }
                    walk(category.items, path: inner)
                }
            }
        }
    }

    static func compute(_ site: inout Site) {
        let pageCount = site.pages.count
        let indexCount = site.generatedIndexes.count
        let walks: [Walk] = site.sidebars.map { sidebar in
            var walk = Walk(pages: pageCount, generatedIndexes: indexCount, pageIndexByID: site.pageIndexByID)
            walk.walk(sidebar.items, path: [])
            return walk
        }
        let names = site.sidebars.map(\.name)
        // A page stands for its id: with ids shared (an error, reported by the assembler) every
        // page of an id reads as the id's first, as when all of this was keyed by id.
        let idsUnique = site.pageIndexByID.count == pageCount
        func canonical(_ index: Int) -> Int {
            idsUnique ? index : site.pageIndexByID[site.pages[index].id] ?? index
        }
        func firstListing(_ stop: Stop) -> Int? { walks.firstIndex { $0.position(of: stop) != nil } }

        // Which sidebar each page and generated index shows.
        var displayedByPage = [Int?](repeating: nil, count: pageCount)
        var displayed: [String: Int] = [:]
        var paths: [String: [Int]] = [:]
        displayed.reserveCapacity(pageCount + indexCount)
        paths.reserveCapacity(pageCount + indexCount)
        // Pages are read in place by index: `for page in site.pages` copies every Page.
        for index in site.pages.indices {
            let page = canonical(index)
            let chosen: Int?
            switch site.pages[index].parsed.frontMatter.displayedSidebar {
            case .some(.none): chosen = nil
            case .some(.some(let name)): chosen = names.firstIndex(of: name)
            case .none:
                // A doc no sidebar lists shows none (and so no breadcrumb), as in Docusaurus,
                // where its sidebar name is undefined. An unlisted doc is only hidden from the
                // sidebar (Docusaurus keeps it there and shows it when active): it keeps one.
                chosen =
                    firstListing(.doc(page))
                    ?? (site.pages[index].parsed.frontMatter.unlisted && !site.sidebars.isEmpty ? 0 : nil)
            }
            guard let chosen else { continue }
            let id = site.pages[index].id
            displayedByPage[page] = chosen
            displayed[id] = chosen
            if let path = walks[chosen].path(of: .doc(page)) { paths[id] = path }
        }

        func link(_ stop: Stop) -> Navigation.Link? {
            switch stop {
            case .doc(let index?):
                // Read in place: copying the page for two fields cost more than the walk.
                return .init(
                    label: site.pages[index].parsed.frontMatter.paginationLabel ?? site.pages[index].sidebarLabel,
                    url: site.pages[index].permalink)
            case .doc(nil):
                return nil
            case .generatedIndex(let i):
                return .init(label: site.generatedIndexes[i].title, url: site.generatedIndexes[i].permalink)
            }
        }
        func neighbours(in walk: Walk, of stop: Stop) -> Navigation {
            guard let position = walk.position(of: stop) else { return Navigation() }
            return Navigation(
                previous: position > 0 ? link(walk.order[position - 1]) : nil,
                next: position + 1 < walk.order.count ? link(walk.order[position + 1]) : nil)
        }
        // A generated category page sits in the reading order like a doc.
        for i in 0..<indexCount {
            let key = GeneratedIndex.sidebarKey(i)
            guard let chosen = firstListing(.generatedIndex(i)) else { continue }
            displayed[key] = chosen
            paths[key] = walks[chosen].path(of: .generatedIndex(i))
            site.generatedIndexes[i].navigation = neighbours(in: walks[chosen], of: .generatedIndex(i))
        }
        site.displayedSidebar = displayed
        site.sidebarPaths = paths

        var navigation: [String: Navigation] = [:]
        navigation.reserveCapacity(pageCount)
        for index in site.pages.indices {
            let id = site.pages[index].id
            // Only the sidebar a doc reads in gives it neighbours: a doc showing another
            // sidebar that does not list it has none.
            let page = canonical(index)
            var readsInSidebar = true
            if case .some(.none) = site.pages[index].parsed.frontMatter.displayedSidebar { readsInSidebar = false }
            if readsInSidebar, let chosen = displayedByPage[page] {
                navigation[id] = neighbours(in: walks[chosen], of: .doc(page))
            } else if navigation.index(forKey: id) == nil {
                // Every page has an entry, if only an empty one.
                navigation[id] = Navigation()
            }
        }
        // Front-matter overrides.
        for index in site.pages.indices {
            if case .automatic = site.pages[index].parsed.frontMatter.paginationPrev,
                case .automatic = site.pages[index].parsed.frontMatter.paginationNext
            {
                continue
            }
            let page = site.pages[index]
            var nav = navigation[page.id] ?? Navigation()
            for (key, value) in [
                ("pagination_prev", page.frontMatter.paginationPrev),
                ("pagination_next", page.frontMatter.paginationNext),
            ] {
                var target: Navigation.Link??
                switch value {
                case .automatic: continue
                case .disabled: target = .some(nil)
                case .doc(let id):
                    if let other = site.page(id: id) {
                        target =
                            other.frontMatter.unlisted
                            ? .some(nil)
                            : .some(
                                .init(
                                    label: other.frontMatter.paginationLabel ?? other.sidebarLabel, url: other.permalink
                                ))
                    } else {
                        site.diagnostics.error(
                            at: page.frontMatter.locations[key] ?? page.location,
                            "the \(key) front matter points to a non-existent ID '\(id)'")
                        continue
                    }
                }
                if key == "pagination_prev" { nav.previous = target! } else { nav.next = target! }
            }
            navigation[page.id] = nav
        }
        site.navigation = navigation
    }
}
