import DocketSite
import Mustache

/// The `site` of every template: made once per build from `docket.yml`, read by every page
/// through `MustacheParent` (a switch instead of the hashing and boxing of a dictionary).
struct SiteView: Sendable, MustacheParent {
    struct Logo: Sendable, MustacheParent {
        var src: String
        var alt: String

        func child(named name: String) -> Any? {
            switch name {
            case "src": src
            case "alt": alt
            default: nil
            }
        }
    }

    struct Footer: Sendable, MustacheParent {
        var links: [TemplateLink]
        var copyright: String?

        func child(named name: String) -> Any? {
            switch name {
            case "links": links
            case "hasLinks": !links.isEmpty
            case "copyright": copyright
            default: nil
            }
        }
    }

    var title: String
    var baseUrl: String
    var assetsUrl: String
    var navbar: [TemplateLink]
    var tagline: String?
    var logo: Logo?
    var footer: Footer?

    init(config: SiteConfig) {
        title = config.title
        baseUrl = config.baseURL
        assetsUrl = URLPath.join([config.baseURL, "assets/docket/"])
        navbar = config.navbar.map { Self.link($0, config: config) }
        tagline = config.tagline
        if let logo = config.logo {
            self.logo = Logo(
                src: URLPath.isExternal(logo.src) ? logo.src : URLPath.join([config.baseURL, logo.src]), alt: logo.alt)
        }
        if config.footerCopyright != nil || !config.footerLinks.isEmpty {
            footer = Footer(
                links: config.footerLinks.map { Self.link($0, config: config) }, copyright: config.footerCopyright)
        }
    }

    /// Internal targets get the base URL and the site's trailing-slash form (Docusaurus's <Link>).
    private static func link(_ link: SiteConfig.NavLink, config: SiteConfig) -> TemplateLink {
        let url =
            link.isExternal
            ? link.target
            : URLPath.applyTrailingSlash(
                URLPath.join([config.baseURL, link.target]), config.trailingSlash, baseURL: config.baseURL)
        return TemplateLink(label: link.label, url: url, external: link.isExternal)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "lang": "en"
        case "baseUrl", "homeUrl": baseUrl
        case "assetsUrl": assetsUrl
        case "navbar": navbar
        case "tagline": tagline
        case "logo": logo
        case "footer": footer
        default: nil
        }
    }
}
