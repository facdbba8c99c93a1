import DocketDiagnostics

/// Reading order (previous/next) and the sidebar path of every doc, from one walk of the sidebar.
enum SiteNavigation {
    private enum Stop {
        case doc(String)
        case generatedIndex(Int)
    }

    static func compute(_ site: inout Site) {
        var order: [Stop] = []
        var paths: [String: [Int]] = [:]
        func walk(_ items: [SidebarItem], path: [Int]) {
            for (index, item) in items.enumerated() {
                switch item {
                case .doc(let doc):
                    order.append(.doc(doc.id))
                    if paths[doc.id] == nil { paths[doc.id] = path }
                case .link:
                    break
                case .category(let category):
                    let inner = path + [index]
                    switch category.link {
                    case .doc(let id)?:
                        order.append(.doc(id))
                        if paths[id] == nil { paths[id] = inner }
                    case .generatedIndex(let i)?:
                        order.append(.generatedIndex(i))
                        paths[GeneratedIndex.sidebarKey(i)] = paths[GeneratedIndex.sidebarKey(i)] ?? inner
                    case nil:
                        break
                    }
                    walk(category.items, path: inner)
                }
            }
        }
        walk(site.sidebar, path: [])
        site.sidebarPaths = paths

        func link(_ stop: Stop) -> Navigation.Link? {
            switch stop {
            case .doc(let id):
                guard let page = site.page(id: id) else { return nil }
                return .init(label: page.frontMatter.paginationLabel ?? page.sidebarLabel, url: page.permalink)
            case .generatedIndex(let i):
                return .init(label: site.generatedIndexes[i].title, url: site.generatedIndexes[i].permalink)
            }
        }
        var navigation: [String: Navigation] = [:]
        for (position, stop) in order.enumerated() {
            // A generated category page sits in the reading order like a doc.
            if case .generatedIndex(let i) = stop, site.generatedIndexes[i].navigation == nil {
                site.generatedIndexes[i].navigation = Navigation(
                    previous: position > 0 ? link(order[position - 1]) : nil,
                    next: position + 1 < order.count ? link(order[position + 1]) : nil)
            }
            guard case .doc(let id) = stop, navigation[id] == nil else { continue }
            navigation[id] = Navigation(
                previous: position > 0 ? link(order[position - 1]) : nil,
                next: position + 1 < order.count ? link(order[position + 1]) : nil)
        }
        // Front-matter overrides.
        for page in site.pages {
            var nav = navigation[page.id] ?? Navigation()
            for (key, value) in [("pagination_prev", page.frontMatter.paginationPrev), ("pagination_next", page.frontMatter.paginationNext)] {
                var target: Navigation.Link??
                switch value {
                case .automatic: continue
                case .disabled: target = .some(nil)
                case .doc(let id):
                    if let other = site.page(id: id) {
                        target = other.frontMatter.unlisted ? .some(nil)
                            : .some(.init(label: other.frontMatter.paginationLabel ?? other.sidebarLabel, url: other.permalink))
                    } else {
                        site.diagnostics.error(at: page.frontMatter.locations[key] ?? page.location,
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
