import DocketMarkdown
import DocketSite

/// `sitemap.xml` of every indexable page: listed docs and generated category pages.
public enum Sitemap {
    /// The file's text, or `nil` when the site has no `url`: sitemap URLs must be absolute, and a
    /// sitemap of relative or missing URLs is worse than none (the build warns instead).
    public static func render(_ site: Site) -> String? {
        guard let origin = CanonicalURL.origin(site.config) else { return nil }
        var urls: [String] = site.pages.filter { !$0.frontMatter.unlisted }.map(\.permalink)
        urls += site.generatedIndexes.map(\.permalink)
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls.sorted() {
            out +=
                "<url><loc>\((origin + URLPath.encode(url)).htmlEscaped)</loc><changefreq>weekly</changefreq><priority>0.5</priority></url>\n"
        }
        out += "</urlset>\n"
        return out
    }
}
