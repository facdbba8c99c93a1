import DocketMarkdown
import DocketSite

/// `sitemap.xml` of every indexable page: listed docs and generated category pages.
public enum Sitemap {
    public static func render(_ site: Site) -> String {
        // Sitemap URLs must be absolute: without `url` the file lists nothing (and says why).
        guard let origin = CanonicalURL.origin(site.config) else {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- no url: in docket.yml, so no absolute page URLs to list -->\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n</urlset>\n"
        }
        var urls: [String] = site.pages.filter { !$0.frontMatter.unlisted }.map(\.permalink)
        urls += site.generatedIndexes.map(\.permalink)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls.sorted() {
            out += "<url><loc>\((origin + URLPath.encode(url)).htmlEscaped)</loc><changefreq>weekly</changefreq><priority>0.5</priority></url>\n"
        }
        out += "</urlset>\n"
        return out
    }
}
