import DocketMarkdown
import DocketSite

/// `sitemap.xml` of every indexable page: listed docs and generated category pages.
public enum Sitemap {
    public static func render(_ site: Site) -> String {
        let origin = site.config.url.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
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
