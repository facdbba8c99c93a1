import DocketMarkdown
import DocketSite

/// Absolute page URLs, from the site's `url` (scheme and host) and a page's permalink: the
/// `<link rel="canonical">` and `og:url` of each page, and the sitemap's `<loc>`s.
enum CanonicalURL {
    /// The site's origin without a trailing slash, or nil when `url` is not set.
    static func origin(_ config: SiteConfig) -> String? {
        guard let url = config.url, !url.isEmpty else { return nil }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// The absolute URL of `permalink` (already a path under the base URL), or nil without `url`.
    static func of(_ permalink: String, config: SiteConfig) -> String? {
        origin(config).map { $0 + URLPath.encode(permalink) }
    }
}
