import DocketDiagnostics

/// The navbar and footer links of docket.yml must lead to something the site serves: a page,
/// a generated index or a static file. One rule for an unversioned site (the assembler) and a
/// versioned one (checked once the routes of every version are known).
extension SiteConfig {
    /// The navbar and footer links, each with whether it is in the navbar (for the message).
    var navLinks: [(link: NavLink, inNavbar: Bool)] {
        navbar.map { ($0, true) } + footerLinks.map { ($0, false) }
    }

    /// Reports each of `links` that points into this site at a path no route of `routes`
    /// serves, at its docket.yml location, as `onBrokenLinks` asks (error, warning or nothing).
    func checkNavLinks(
        _ links: [(link: NavLink, inNavbar: Bool)], routes: Set<String>, diagnostics: inout Diagnostics
    ) {
        for (link, inNavbar) in links where !link.isExternal {
            let (path, _) = URLPath.splitSuffix(link.target)
            let absolute = URLPath.join([baseURL, path])
            guard !routes.contains(Site.routeKey(absolute)), !isExternalPath(absolute), let location = link.location
            else { continue }
            let message =
                "broken link '\(link.target)' in the \(inNavbar ? "navbar" : "footer") ('\(link.label)'): no page or file is served at \(absolute)"
            switch onBrokenLinks {
            case .error: diagnostics.error(at: location, message)
            case .warn: diagnostics.warning(at: location, message)
            case .ignore: break
            }
        }
    }
}
