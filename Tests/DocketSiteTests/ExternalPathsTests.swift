import DocketDiagnostics
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// `externalPaths`: absolute links to paths another program serves on the same host are left
/// as written and not checked; every other broken link keeps its severity.
@Suite struct ExternalPathsTests {
    private func resolve(_ markdown: String, config: String) throws -> (
        links: [String], problems: [String], unchecked: Int
    ) {
        let (site, diagnostics) = try SiteFixture.load(files: [
            "docs/a.md": markdown, "docs/b.md": "# B\n", "docket.yml": config,
        ])
        let page = try #require(site.pages.first { $0.source == "a.md" })
        let resolved = LinkResolver(site: site).resolve(page)
        var links: [String] = []
        resolved.rewrittenDocument.walk { node in
            if case .link(let destination, _) = node.kind { links.append(destination) }
        }
        return (links, diagnostics.sorted.map(\.description), resolved.uncheckedLinks)
    }

    @Test func linksUnderAPrefixAreNotChecked() throws {
        let (links, problems, unchecked) = try resolve(
            "# A\n\n[post](/blog/2024/hello) [all](/blog) [plugin](/plugins/x?tab=1#top) [rel](../blog/y)\n",
            config: "externalPaths: [/blog, /plugins/]\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(links == ["/blog/2024/hello", "/blog", "/plugins/x?tab=1#top", "/blog/y"])
        #expect(unchecked == 4)
    }

    @Test func prefixesMatchWholeSegmentsOnly() throws {
        let (_, problems, unchecked) = try resolve(
            "# A\n\n[x](/blogger/post) [y](/docs/nope)\n", config: "externalPaths: [/blog]\n")
        #expect(unchecked == 0)
        #expect(
            problems == [
                "docs/a.md:3:1: error: broken link '/blogger/post': no page or file is served at /blogger/post",
                "docs/a.md:3:20: error: broken link '/docs/nope': no page or file is served at /docs/nope",
            ])
    }

    @Test func theBaseURLIsPrependedAndStillMatches() throws {
        let (links, problems, _) = try resolve(
            "# A\n\n[post](/blog/x)\n", config: "baseUrl: /site/\nexternalPaths: [/blog]\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(links == ["/site/blog/x"])
    }

    @Test func navbarLinksUnderAPrefixAreNotChecked() throws {
        let (_, problems, _) = try resolve(
            "# A\n",
            config: "externalPaths: [/blog]\nnavbar:\n  - { label: Blog, to: /blog }\n  - { label: Nope, to: /nope }\n")
        #expect(
            problems == [
                "docket.yml:4:24: error: broken link '/nope' in the navbar ('Nope'): no page or file is served at /nope"
            ])
    }

    @Test func badEntriesAreLocated() {
        var config = SiteConfig()
        let found = SiteConfigLoader.load(
            "externalPaths:\n  - blog\n  - /\n  - /a?b\n  - //cdn.example.org\n  - /ok/\n", path: "docket.yml",
            into: &config
        )
        .sorted.map(\.description)
        #expect(
            found == [
                "docket.yml:2:5: error: an 'externalPaths' entry must be a path starting with '/', such as /blog, not 'blog'",
                "docket.yml:3:5: error: '/' in 'externalPaths' would leave every absolute link unchecked; list the prefixes another program serves, such as /blog",
                "docket.yml:4:5: error: an 'externalPaths' entry is a path prefix without '?' or '#', not '/a?b'",
                "docket.yml:5:5: error: an 'externalPaths' entry must be a path starting with '/', such as /blog, not '//cdn.example.org'",
            ])
        #expect(config.externalPaths == ["/ok"])
    }
}

/// `trailingSlash` in docket.yml and `URLPath.applyTrailingSlash` (Docusaurus's rules).
@Suite struct TrailingSlashSettingTests {
    @Test func valuesAreReadAndBadOnesLocated() {
        var config = SiteConfig()
        #expect(config.trailingSlash == nil)
        #expect(SiteConfigLoader.load("trailingSlash: false\n", path: "docket.yml", into: &config).isEmpty)
        #expect(config.trailingSlash == false)
        #expect(SiteConfigLoader.load("trailingSlash: null\n", path: "docket.yml", into: &config).isEmpty)
        #expect(config.trailingSlash == nil)
        #expect(
            SiteConfigLoader.load("trailingSlash: always\n", path: "docket.yml", into: &config).sorted.map(
                \.description)
                == [
                    "docket.yml:1:16: error: 'trailingSlash' must be true, false or null (null, the default, keeps each URL as computed)"
                ])
    }

    @Test func applyTrailingSlashLikeDocusaurus() {
        #expect(URLPath.applyTrailingSlash("/docs/a", nil, baseURL: "/") == "/docs/a")
        #expect(URLPath.applyTrailingSlash("/docs/a", true, baseURL: "/") == "/docs/a/")
        #expect(URLPath.applyTrailingSlash("/docs/a?x=1#h", true, baseURL: "/") == "/docs/a/?x=1#h")
        #expect(URLPath.applyTrailingSlash("/docs/g/", false, baseURL: "/") == "/docs/g")
        #expect(URLPath.applyTrailingSlash("/docs/g/#h", false, baseURL: "/") == "/docs/g#h")
        #expect(URLPath.applyTrailingSlash("/", false, baseURL: "/") == "/")
        #expect(URLPath.applyTrailingSlash("/base/", false, baseURL: "/base/") == "/base/")
        #expect(URLPath.applyTrailingSlash("#top", true, baseURL: "/") == "#top")
    }

    @Test func outputFiles() {
        #expect(URLPath.outputFile(for: "/docs/a") == "docs/a/index.html")
        #expect(URLPath.outputFile(for: "/docs/a", trailingSlash: true) == "docs/a/index.html")
        #expect(URLPath.outputFile(for: "/docs/a/", trailingSlash: true) == "docs/a/index.html")
        #expect(URLPath.outputFile(for: "/docs/a", trailingSlash: false) == "docs/a.html")
        #expect(URLPath.outputFile(for: "/", trailingSlash: false) == "index.html")
        #expect(URLPath.outputFile(for: "/base/", trailingSlash: false) == "base/index.html")
    }
}
