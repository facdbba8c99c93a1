import DocketDiagnostics

/// Reading order (previous/next), the displayed sidebar and the sidebar path of every doc, from
/// one walk of each sidebar. As in Docusaurus (`sidebars/utils.ts` `getDocNavigation`), a doc
/// reads in the sidebar `displayed_sidebar` names, else in the first sidebar that lists it;
/// `displayed_sidebar: null` shows no sidebar and gives no previous/next.
enum SiteNavigation {
    private enum Stop {
        case doc(String)
        case generatedIndex(Int)
    }

    /// One sidebar's reading order and the first position and path of each doc in it.
    private struct Walk {
        var order: [Stop] = []
        var positions: [String: Int] = [:]
        var paths: [String: [Int]] = [:]

        mutating func add(_ stop: Stop, key: String, path: [Int]) {
            if positions[key] == nil {
                positions[key] = order.count
                paths[key] = path
            }
            order.append(stop)
        }

        mutating func walk(_ items: [SidebarItem], path: [Int]) {
            for (index, item) in items.enumerated() {
                switch item {
                case .doc(let doc):
                    add(.doc(doc.id), key: doc.id, path: path)
                case .link:
                    break
                case .category(let category):
                    let inner = path + [index]
                    switch category.link {
                    case .doc(let id)?: add(.doc(id), key: id, path: inner)
                    case .generatedIndex(let i)?:
                        add(.generatedIndex(i), key: GeneratedIndex.sidebarKey(i), path: inner)
                    case nil: break
                    }
                    walk(category.items, path: inner)
                }
            }
        }
    }

    static func compute(_ site: inout Site) {
        let walks: [Walk] = site.sidebars.map { sidebar in
            var walk = Walk()
            walk.walk(sidebar.items, path: [])
            return walk
        }
        let names = site.sidebars.map(\.name)

        // Which sidebar each page and generated index shows.
        var displayed: [String: Int] = [:]
        var paths: [String: [Int]] = [:]
        func firstListing(_ key: String) -> Int? { walks.firstIndex { $0.positions[key] != nil } }
        // Pages are read in place by index: `for page in site.pages` copies every Page.
        for index in site.pages.indices {
            let id = site.pages[index].id
            let chosen: Int?
            switch site.pages[index].parsed.frontMatter.displayedSidebar {
            case .some(.none): chosen = nil
            case .some(.some(let name)): chosen = names.firstIndex(of: name)
            case .none:
                // A doc no sidebar lists shows none (and so no breadcrumb), as in Docusaurus,
                // where its sidebar name is undefined. An unlisted doc is only hidden from the
                // sidebar (Docusaurus keeps it there and shows it when active): it keeps one.
                chosen =
                    firstListing(id)
                    ?? (site.pages[index].parsed.frontMatter.unlisted && !site.sidebars.isEmpty ? 0 : nil)
            }
            guard let chosen else { continue }
            displayed[id] = chosen
            if let path = walks[chosen].paths[id] { paths[id] = path }
        }
        for i in site.generatedIndexes.indices {
            let key = GeneratedIndex.sidebarKey(i)
            guard let chosen = firstListing(key) else { continue }
            displayed[key] = chosen
            paths[key] = walks[chosen].paths[key]
        }
        site.displayedSidebar = displayed
        site.sidebarPaths = paths

        func link(_ stop: Stop) -> Navigation.Link? {
            switch stop {
            case .doc(let id):
                // Read in place: copying the page for two fields cost more than the walk.
                guard let index = site.pageIndexByID[id] else { return nil }
                return .init(
                    label: site.pages[index].parsed.frontMatter.paginationLabel ?? site.pages[index].sidebarLabel,
                    url: site.pages[index].permalink)
            case .generatedIndex(let i):
                return .init(label: site.generatedIndexes[i].title, url: site.generatedIndexes[i].permalink)
            }
        }
        func neighbours(in walk: Walk, key: String) -> Navigation {
            guard let position = walk.positions[key] else { return Navigation() }
            return Navigation(
                previous: position > 0 ? link(walk.order[position - 1]) : nil,
                next: position + 1 < walk.order.count ? link(walk.order[position + 1]) : nil)
        }
        // A generated category page sits in the reading order like a doc.
        for i in site.generatedIndexes.indices {
            let key = GeneratedIndex.sidebarKey(i)
            if let chosen = displayed[key] {
                site.generatedIndexes[i].navigation = neighbours(in: walks[chosen], key: key)
            }
        }
        var navigation: [String: Navigation] = [:]
        navigation.reserveCapacity(site.pages.count)
        for index in site.pages.indices {
            // Only the sidebar a doc reads in gives it neighbours: a doc showing another
            // sidebar that does not list it has none.
            if case .some(.none) = site.pages[index].parsed.frontMatter.displayedSidebar { continue }
            let id = site.pages[index].id
            guard let chosen = displayed[id] else { continue }
            navigation[id] = neighbours(in: walks[chosen], key: id)
        }
        // Front-matter overrides.
        for index in site.pages.indices {
            if case .automatic = site.pages[index].parsed.frontMatter.paginationPrev,
                case .automatic = site.pages[index].parsed.frontMatter.paginationNext
            {
                // Every page has an entry, if only an empty one.
                let id = site.pages[index].id
                if navigation.index(forKey: id) == nil { navigation[id] = Navigation() }
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
