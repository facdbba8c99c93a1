import DocketBuild
import DocketDiagnostics
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// Versioned docs (`versions.json`, `versioned_docs/`, `versioned_sidebars/`): the fixture of
/// `Tests/Fixtures/versions/basic` against expectations derived by hand from Docusaurus's rules,
/// the built pages (dropdown, banners, links, search scope, sitemap), and bad inputs located.
@Suite struct VersionedDocsTests {
    static let fixture = Fixtures.url("versions").appendingPathComponent("basic")

    private func options(_ root: URL) -> BuildOptions {
        var options = BuildOptions()
        options.root = root.path
        return options
    }

    /// Canonical JSON (sorted keys) of a parsed value, to compare structure and not key order.
    private func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func listingMatchesTheHandDerivedVersions() throws {
        let loaded = try SiteLoader.load(options(Self.fixture))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.all)")
        let got = try JSONSerialization.jsonObject(with: Data(SiteListing.json(loaded).utf8)) as! [String: Any]
        let want =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.fixture.appendingPathComponent("expected/list.json"))) as! [String: Any]
        for key in ["pages", "sidebar", "versions"] {
            let actual = try canonical(got[key] ?? NSNull())
            #expect(actual == (try canonical(want[key]!)), "\(key):\n\(actual)")
        }
    }

    @Test func buildWritesEveryVersionWithMenuBannerLinksAndScopedSearch() throws {
        let out = Fixtures.temporaryDirectory("versions-build")
        defer { try? FileManager.default.removeItem(at: out) }
        var options = options(Self.fixture)
        options.output = out.path
        let result = SiteBuilder.build(options)
        #expect(result.succeeded, "\(result.diagnostics.all)")
        func page(_ path: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
        }

        let files = (FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasPrefix("docs/") && $0.hasSuffix(".html") }.sorted()
        let expected = try String(contentsOf: Self.fixture.appendingPathComponent("expected/urls.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(files == expected)

        // The dropdown: every version, this page's counterpart else the version's first doc.
        let old = try page("docs/1.0/old/index.html")
        #expect(old.contains("<summary class=\"version-menu__button\" aria-label=\"Docs version: 1.0\">1.0</summary>"))
        #expect(old.contains("<a class=\"version-menu__link\" href=\"/docs/next/guides/setup\">Next</a>"))
        #expect(old.contains("<a class=\"version-menu__link\" href=\"/docs/intro\">2.0</a>"))
        #expect(old.contains("href=\"/docs/1.0/old\" aria-current=\"page\">1.0</a>"))
        let intro1 = try page("docs/1.0/intro/index.html")
        #expect(intro1.contains("href=\"/docs/next/intro\">Next</a>"))

        // Banners: unmaintained and unreleased, linking to the same doc in the last version.
        #expect(old.contains("This is documentation for Widget <b>1.0</b>, which is no longer actively maintained."))
        #expect(old.contains("see the <b><a href=\"/docs/intro\">latest version</a></b> (2.0)."))
        let nextSetup = try page("docs/next/guides/setup/index.html")
        #expect(nextSetup.contains("This is unreleased documentation for Widget <b>Next</b> version."))
        #expect(nextSetup.contains("<a href=\"/docs/guides/setup\">latest version</a>"))
        let lastIntro = try page("docs/intro/index.html")
        #expect(!lastIntro.contains("version-banner"))
        #expect(lastIntro.contains("aria-current=\"page\">2.0</a>"))
        #expect(lastIntro.contains("<p class=\"version-badge\">Version: 2.0</p>"))

        // Links resolve within their version.
        #expect(intro1.contains("<a href=\"/docs/1.0/old\">old page</a>"))
        #expect(lastIntro.contains("<a href=\"/docs/guides/setup\">setup</a>"))
        let nextIntro = try page("docs/next/intro/index.html")
        #expect(nextIntro.contains("<a href=\"/docs/next/guides/setup\">setup</a>"))
        #expect(nextIntro.contains("<a href=\"/docs/intro\">the intro</a>"), "a URL of another version is not broken")

        // A file next to the pages is copied per version: the same name stays two files.
        #expect(intro1.contains("<a href=\"/assets/versions/1.0/notes.txt\">notes</a>"))
        #expect(nextIntro.contains("<a href=\"/assets/content/notes.txt\">notes</a>"))
        #expect(try page("assets/versions/1.0/notes.txt") == "one notes\n")
        #expect(try page("assets/content/notes.txt") == "next notes\n")

        // Search: each version reads its own index, which holds only its pages.
        #expect(old.contains("data-index=\"/assets/docket/versions/1.0/search-index.json\""))
        #expect(nextIntro.contains("data-index=\"/assets/docket/search-index.json\""))
        #expect(lastIntro.contains("data-index=\"/assets/docket/versions/2.0/search-index.json\""))
        let oldIndex = try page("assets/docket/versions/1.0/search-index.json")
        #expect(oldIndex.contains("\"/docs/1.0/old\"") && !oldIndex.contains("/docs/next"))
        let currentIndex = try page("assets/docket/search-index.json")
        #expect(currentIndex.contains("\"/docs/next/intro\"") && !currentIndex.contains("/docs/1.0"))
        #expect(old.contains("data-sidebar-json=\"/assets/docket/versions/1.0/sidebar.json\""))

        // The sitemap lists every version; the site root leads to the last version.
        let sitemap = try page("sitemap.xml")
        for url in ["/docs/1.0/old", "/docs/intro", "/docs/next/new-feature"] {
            #expect(sitemap.contains("<loc>https://example.org\(url)</loc>"))
        }
        #expect(try page("index.html").contains("url=/docs/intro"))
    }

    /// `docket serve` re-renders an edited page of the primary version with its version menu.
    @Test func serveRendersThePrimaryVersionsPagesWithTheMenu() throws {
        let loaded = try SiteLoader.load(options(Self.fixture))
        let outputs = try #require(SiteOutputs.prepare(loaded, strict: false).outputs)
        let files = try outputs.files(of: .page("intro.md"))
        let html = String(decoding: try #require(files.first).data, as: UTF8.self)
        #expect(html.contains("href=\"/docs/intro\">2.0</a>"))
        #expect(html.contains("This is unreleased documentation for Widget <b>Next</b> version."))
    }

    @Test func optionsPickTheLastVersionLabelsPathsAndBanners() throws {
        let listed = [
            ("2.0", SourceLocation(path: "versions.json", line: 1, column: 2)),
            ("1.0", SourceLocation(path: "versions.json", line: 1, column: 9)),
        ]
        var options = VersionOptions()
        options.lastVersion = ("current", SourceLocation(path: "docket.yml", line: 1, column: 1))
        let (set, problems) = VersionSet.make(listed: listed, options: options, versionsFile: "versions.json") { _ in
            true
        }
        #expect(problems.isEmpty)
        let versions = try #require(set).versions
        #expect(versions.map(\.name) == ["current", "2.0", "1.0"])
        #expect(versions.map(\.pathPart) == ["", "2.0", "1.0"])
        #expect(versions.map(\.banner) == [nil, .unmaintained, .unmaintained])
        #expect(versions.map(\.label) == ["Next", "2.0", "1.0"])

        // onlyIncludeVersions keeps versions.json's order; per-version settings win.
        var only = VersionOptions()
        only.onlyIncludeVersions = [
            ("1.0", SourceLocation(path: "docket.yml", line: 2, column: 3)),
            ("current", SourceLocation(path: "docket.yml", line: 3, column: 3)),
        ]
        only.versions = [
            (
                "current",
                .init(
                    label: "Canary", path: "canary", banner: "none",
                    location: SourceLocation(path: "docket.yml", line: 5, column: 3))
            )
        ]
        let filtered = try #require(
            VersionSet.make(listed: listed, options: only, versionsFile: "versions.json") { _ in true }.0
        ).versions
        #expect(filtered.map(\.name) == ["current", "1.0"])
        #expect(filtered[0].label == "Canary" && filtered[0].pathPart == "canary" && filtered[0].banner == nil)
        #expect(filtered[1].isLast && filtered[1].pathPart == "" && filtered[1].badge)

        var disabled = VersionOptions()
        disabled.disableVersioning = true
        let single = try #require(
            VersionSet.make(listed: listed, options: disabled, versionsFile: "versions.json") { _ in true }.0
        ).versions
        #expect(single.map(\.name) == ["current"] && single[0].pathPart == "" && !single[0].badge)
    }

    /// Each bad input fails the load with an error at the place that is wrong.
    @Test(arguments: [
        (["versions.json": "{\"2.0\": true}\n"], "versions.json:1:1", "array of version names"),
        (
            ["versions.json": "[\"2.0\", \"1.0\"]\n", "versioned_docs/version-2.0/a.md": "# A\n"],
            "versions.json:1:9", "the docs folder does not exist for version \"1.0\""
        ),
        (["versions.json": "[\"2.0\",]\n"], "versions.json:1:7", "not valid JSON"),
        (["versions.json": "[2.0]\n"], "versions.json:1:2", "versions should be strings"),
        (
            [
                "versions.json": "[\"2.0\"]\n", "versioned_docs/version-2.0/a.md": "# A\n",
                "docket.yml": "title: T\nlastVersion: '3.0'\n",
            ],
            "docket.yml:2:14", "lastVersion: 3.0 is not a version. Available version names are: current, 2.0"
        ),
        (
            [
                "versions.json": "[\"2.0\"]\n", "versioned_docs/version-2.0/a.md": "# A\n",
                "docket.yml": "onlyIncludeVersions:\n  - current\n  - '9.9'\n",
            ],
            "docket.yml:3:5", "onlyIncludeVersions: unknown version '9.9'"
        ),
        (
            [
                "versions.json": "[\"2.0\"]\n", "versioned_docs/version-2.0/a.md": "# A\n",
                "docket.yml": "versions:\n  '2.1': {label: x}\n",
            ],
            "docket.yml:2:3", "versions: unknown version '2.1'"
        ),
        (
            [
                "versions.json": "[\"2.0\"]\n", "versioned_docs/version-2.0/a.md": "# A\n",
                "versioned_sidebars/version-2.0-sidebars.json":
                    "{\"s\": [\"a\", {\"type\": \"page\", \"id\": \"a\"}]}\n",
            ],
            "versioned_sidebars/version-2.0-sidebars.json:1:22", "unknown sidebar item type 'page'"
        ),
        (
            [
                "versions.json": "[\"2.0\"]\n", "versioned_docs/version-2.0/a.md": "# A\n",
                "versioned_sidebars/version-2.0-sidebars.json": "{\"s\": [\"a\", \"nope\"]}\n",
            ],
            "versioned_sidebars/version-2.0-sidebars.json:1:13",
            "the sidebar refers to the doc 'nope', which does not exist"
        ),
    ])
    func badInputIsALocatedError(files: [String: String], location: String, message: String) throws {
        let root = Fixtures.temporaryDirectory("versions-bad")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(files.merging(["docs/intro.md": "# Intro\n"]) { given, _ in given }, under: root)
        var printed = ""
        do {
            let loaded = try SiteLoader.load(options(root))
            printed = loaded.diagnostics.errors.map(\.description).joined(separator: "\n")
        } catch {
            printed = error.diagnostics.errors.map(\.description).joined(separator: "\n")
        }
        let line = printed.split(separator: "\n").first { $0.contains(message) }
        #expect(line != nil, "expected '\(message)' in:\n\(printed)")
        #expect(line?.contains(location) == true, "expected it at \(location): \(line ?? "")")
    }

    @Test func currentPathWithoutVersionsJSONMovesTheDocsAndShowsNoDropdown() throws {
        let root = Fixtures.temporaryDirectory("versions-current-path")
        let out = Fixtures.temporaryDirectory("versions-current-path-out")
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: out) }
        try Fixtures.write(
            ["docs/intro.md": "# Intro\n", "docket.yml": "versions:\n  current: {label: Edge, path: edge}\n"],
            under: root)
        var options = options(root)
        options.output = out.path
        let result = SiteBuilder.build(options)
        #expect(result.succeeded, "\(result.diagnostics.all)")
        let html = try String(contentsOf: out.appendingPathComponent("docs/edge/intro/index.html"), encoding: .utf8)
        #expect(!html.contains("version-menu"), "one version: no dropdown")
        #expect(!html.contains("version-banner") && !html.contains("version-badge"))
    }

    @Test func aVersionedPageIsEditedInItsOwnFolder() throws {
        let root = Fixtures.temporaryDirectory("versions-edit")
        let out = Fixtures.temporaryDirectory("versions-edit-out")
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: out) }
        try Fixtures.write(
            [
                "docket.yml": "editUrl: https://git.example.org/edit/main/docs/\n", "versions.json": "[\"1.0\"]\n",
                "docs/intro.md": "# Intro\n", "versioned_docs/version-1.0/intro.md": "# Intro one\n",
            ], under: root)
        var options = options(root)
        options.output = out.path
        #expect(SiteBuilder.build(options).succeeded)
        let old = try String(contentsOf: out.appendingPathComponent("docs/intro/index.html"), encoding: .utf8)
        #expect(old.contains("href=\"https://git.example.org/edit/main/versioned_docs/version-1.0/intro.md\""))
        let next = try String(contentsOf: out.appendingPathComponent("docs/next/intro/index.html"), encoding: .utf8)
        #expect(next.contains("href=\"https://git.example.org/edit/main/docs/intro.md\""))
    }

    @Test func aSiteWithoutVersionsJSONIsUnversioned() throws {
        let root = Fixtures.temporaryDirectory("versions-none")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            ["docs/intro.md": "# Intro\n", "versioned_docs/version-1.0/intro.md": "# Old\n"], under: root)
        let loaded = try SiteLoader.load(options(root))
        #expect(loaded.versions == nil)
        #expect(loaded.site.pages.map(\.permalink) == ["/docs/intro"])
        #expect(!SiteListing.json(loaded).contains("\"version"))
    }
}
