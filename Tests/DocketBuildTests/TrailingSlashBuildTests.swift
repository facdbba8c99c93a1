import DocketBuild
import DocketTestSupport
import Foundation
import Testing

/// `trailingSlash` (compat §3.3, T9): the files written, the links between pages, the
/// canonical URL and the sitemap, for undefined, true and false.
@Suite struct TrailingSlashBuildTests {
    private static let files = [
        "docs/intro.md":
            "---\ntags: [ops]\n---\n# Intro\n\n[Guides](./g/index.md) [Setup](./g/setup.md) [abs](/docs/g/setup)\n",
        "docs/g/index.md": "# Guides\n",
        "docs/g/setup.md": "# Setup\n\n[back](../intro.md)\n",
    ]

    /// Builds the three-page site with `setting` and returns the written HTML files and the
    /// output folder's text files by path.
    private func build(_ setting: String?) throws -> (files: Set<String>, text: [String: String]) {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var all = Self.files
        all["docket.yml"] =
            "title: T\nurl: https://example.org\nnavbar:\n  - { label: Setup, to: /docs/g/setup }\n"
            + (setting.map { "trailingSlash: \($0)\n" } ?? "")
        try Fixtures.write(all, under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("_site").path
        let result = SiteBuilder.build(options)
        #expect(result.succeeded, "\(result.diagnostics.all)")
        let out = root.appendingPathComponent("_site")
        var found = Set<String>()
        var text: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: out.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasPrefix("docs/") && path.hasSuffix(".html") || path == "sitemap.xml" else { continue }
            found.insert(path)
            text[path] = try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
        }
        return (found, text)
    }

    @Test func undefinedKeepsURLsAsComputed() throws {
        let (files, text) = try build(nil)
        #expect(files.isSuperset(of: ["docs/intro/index.html", "docs/g/index.html", "docs/g/setup/index.html"]))
        let intro = try #require(text["docs/intro/index.html"])
        #expect(intro.contains("href=\"/docs/g/\""))
        #expect(intro.contains("href=\"/docs/g/setup\""))
        #expect(intro.contains("href=\"/docs/tags/ops\""))
        #expect(files.contains("docs/tags/ops/index.html"))
        #expect(intro.contains("<link rel=\"canonical\" href=\"https://example.org/docs/intro\""))
        #expect(text["sitemap.xml"]?.contains("<loc>https://example.org/docs/g/</loc>") == true)
    }

    @Test func trueEndsEveryPageURLWithASlash() throws {
        let (files, text) = try build("true")
        #expect(
            files.isSuperset(of: [
                "docs/intro/index.html", "docs/g/index.html", "docs/g/setup/index.html", "docs/tags/ops/index.html",
            ]))
        let intro = try #require(text["docs/intro/index.html"])
        #expect(intro.contains("href=\"/docs/g/setup/\""))
        #expect(intro.contains("href=\"/docs/tags/ops/\""))
        #expect(!intro.contains("href=\"/docs/g/setup\""))
        #expect(intro.contains("<link rel=\"canonical\" href=\"https://example.org/docs/intro/\""))
        #expect(text["sitemap.xml"]?.contains("<loc>https://example.org/docs/g/setup/</loc>") == true)
    }

    @Test func falseWritesFilesNamedAfterThePage() throws {
        let (files, text) = try build("false")
        #expect(
            files.isSuperset(of: [
                "docs/intro.html", "docs/g.html", "docs/g/setup.html", "docs/tags/ops.html", "docs/tags.html",
            ]))
        #expect(!files.contains("docs/intro/index.html"))
        let intro = try #require(text["docs/intro.html"])
        #expect(intro.contains("href=\"/docs/tags/ops\""))
        #expect(intro.contains("href=\"/docs/g\""))
        #expect(!intro.contains("href=\"/docs/g/\""))
        #expect(intro.contains("<link rel=\"canonical\" href=\"https://example.org/docs/intro\""))
        #expect(text["sitemap.xml"]?.contains("<loc>https://example.org/docs/g</loc>") == true)
    }
}
