import DocketBuild
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// File names with `#`, `?`, `%` and spaces: their routes stay as written, their URLs are
/// percent-encoded wherever they leave the site.
@Suite struct URLEncodingTests {
    @Test func eachASCIIByteIsEncodedExactlyWhenItCannotStandInAPath() {
        let encoded = Set("\"#%<>?[\\]^`{|}".utf8).union(0...0x20).union([0x7F])
        for byte in UInt8(0)..<0x80 {
            let path = "/docs/a" + String(UnicodeScalar(byte)) + "b"
            let expected =
                encoded.contains(byte) ? "/docs/a%" + String(format: "%02X", byte) + "b" : path
            #expect(URLPath.encode(path) == expected, "byte \(byte)")
        }
        #expect(URLPath.encode("/docs/é") == "/docs/é", "letters outside ASCII stay as written")
    }

    @Test func encodesWhatCannotStandInAURLPath() {
        #expect(URLPath.encode("/docs/a b") == "/docs/a%20b")
        #expect(URLPath.encode("/docs/c#sharp") == "/docs/c%23sharp")
        #expect(URLPath.encode("/docs/what?") == "/docs/what%3F")
        #expect(URLPath.encode("/docs/100%") == "/docs/100%25")
        #expect(URLPath.encode("/docs/plain-name_1.2~x/") == "/docs/plain-name_1.2~x/")
        #expect(URLPath.encode("/docs/héllo") == "/docs/héllo", "letters outside ASCII stay")
        #expect(
            URLPath.encode("https://example.com/a b") == "https://example.com/a b", "external URLs are the author's")
        #expect(URLPath.decode(URLPath.encode("/a b/c#d?e%f")) == "/a b/c#d?e%f")
    }

    @Test func specialFileNamesGetEncodedLinks() throws {
        let root = Fixtures.temporaryDirectory("docket-url")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "docket.yml": "title: T\nurl: https://d.test\n",
                "docs/a b.md":
                    "# Space\n\n[hash](./c%23sharp.md#part) [query](./what%3F.md) [percent](./100%25.md) [img](<./pic 1.png>)\n",
                "docs/c#sharp.md": "# Hash\n\n## Part\n",
                "docs/what?.md": "# Query\n",
                "docs/100%.md": "# Percent\n\n[url link](/docs/a%20b)\n",
                "docs/pic 1.png": "png\n",
            ], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("_site").path
        options.strict = true
        let result = SiteBuilder.build(options)
        #expect(result.succeeded, "\(result.diagnostics.all)")
        let out = root.appendingPathComponent("_site")
        let page = try String(contentsOf: out.appendingPathComponent("docs/a b/index.html"), encoding: .utf8)
        for href in ["/docs/c%23sharp#part", "/docs/what%3F", "/docs/100%25", "/assets/content/pic%201.png"] {
            #expect(page.contains("href=\"\(href)\""), "\(href) missing")
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/what?/index.html").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("assets/content/pic 1.png").path))
        let other = try String(contentsOf: out.appendingPathComponent("docs/100%/index.html"), encoding: .utf8)
        #expect(other.contains("href=\"/docs/a%20b\""), "a URL-path link to an encoded route resolves")
        let sitemap = try String(contentsOf: out.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(
            sitemap.contains("<loc>https://d.test/docs/c%23sharp</loc>")
                && sitemap.contains("<loc>https://d.test/docs/a%20b</loc>"), "\(sitemap)")
        // The search data (however it is split into files) carries the encoded URL, never the raw one.
        let assets = out.appendingPathComponent("assets/docket")
        var search = ""
        for path in try FileManager.default.subpathsOfDirectory(atPath: assets.path)
        where path.hasPrefix("search") && path.hasSuffix(".json") {
            search += try String(contentsOf: assets.appendingPathComponent(path), encoding: .utf8)
        }
        #expect(search.contains("\"/docs/what%3F\""), "\(search.prefix(500))")
        #expect(!search.contains("\"/docs/what?\""))

        let loaded = try SiteLoader.load(options)
        let listing = SiteListing.json(loaded.site)
        #expect(listing.contains("\"url\" : \"/docs/100%25\""), "\(listing)")
        #expect(SiteListing.outline(loaded.site).contains("/docs/a%20b"))
    }
}
