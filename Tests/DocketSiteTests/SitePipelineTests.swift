import DocketDiagnostics
import DocketSite
import DocketTestSupport
import Foundation
import Synchronization
import Testing

/// The pipeline on its two sources: a folder on disk and the same files in memory give the same
/// site; what stops a load and what it still reports.
@Suite struct SitePipelineTests {
    /// Every file under `folder`, by relative path (the fixtures hold text only).
    private func files(under folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files[path] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    /// The listing (as `docket list --json` holds it) and the printed problems of a load.
    private func summary(_ pipeline: SitePipeline) throws -> (listing: String, problems: [String]) {
        let load = try pipeline.load()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let listing = String(decoding: try encoder.encode(SiteListing.document(load)), as: UTF8.self)
        return (listing, load.diagnostics.sorted.map(\.description))
    }

    static let sites = [
        "compat/01-ordering", "compat/06-category-link", "compat/09-slugs", "compat/15-category-files",
        "versions/basic",
    ]

    @Test(arguments: sites)
    func diskAndMemoryGiveTheSameSite(_ name: String) throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
        let disk = try summary(SitePipeline(source: DiskSiteSource(), root: ResolvedPath(".", from: folder.path)))
        let memory = try summary(
            SitePipeline(
                source: MemorySiteSource(root: "/site", files: try files(under: folder)),
                root: ResolvedPath(".", from: "/site")))
        #expect(disk.listing.contains("\"pages\""))
        #expect(memory.listing == disk.listing)
        #expect(memory.problems == disk.problems)
    }

    @Test func versionsLoadFromMemoryToo() throws {
        let folder = Fixtures.url("versions").appendingPathComponent("basic")
        let counts = Mutex<[Int]>([])
        var pipeline = SitePipeline(
            source: MemorySiteSource(files: try files(under: folder)), root: ResolvedPath("/site", from: "/"))
        pipeline.pagesFound = { count in counts.withLock { $0.append(count) } }
        let load = try pipeline.load()
        #expect(load.versions?.set.versions.map(\.name) == ["current", "2.0", "1.0"])
        // Each version's folder is counted as it is scanned.
        #expect(counts.withLock { $0.count } == 3)
        #expect(counts.withLock { $0.first } == load.site.pages.count)
        #expect(
            load.versions?.others.map(\.content.display) == [
                "/site/versioned_docs/version-2.0", "/site/versioned_docs/version-1.0",
            ])
    }

    /// The page count is told once, when the folder is scanned: Markdown and MDX pages count,
    /// partials, category files and other files do not.
    @Test func pagesFoundIsToldThePageCountOnce() throws {
        let counts = Mutex<[Int]>([])
        var pipeline = SitePipeline(
            source: MemorySiteSource(files: [
                "docs/a.md": "# A\n", "docs/g/b.mdx": "# B\n", "docs/g/_partial.md": "shared\n",
                "docs/g/_category_.yml": "label: G\n", "docs/g/image.png": "png",
            ]), root: ResolvedPath(".", from: "/site"))
        pipeline.pagesFound = { count in counts.withLock { $0.append(count) } }
        let load = try pipeline.load()
        #expect(load.site.pages.count == 2)
        #expect(counts.withLock { $0 } == [2])
    }

    /// A broken docket.yml stops the load, but only after the pages are read: their own problems
    /// come in the same run, and no link is judged by the settings that were lost.
    @Test func brokenSettingsStillReportPageProblemsButNoLinks() {
        let pipeline = SitePipeline(
            source: MemorySiteSource(files: [
                "docket.yml": "baseUrl: /handbook/\nbroken\nnext: 1\n",
                "docs/a.md": "---\nsidebar_position: first\n---\n# A\n\n[gone](./nowhere.md) [b](/handbook/docs/b)\n",
                "docs/b.md": "# B\n",
                "docs/g/_category_.yml": "label: [G\n",
            ]), root: ResolvedPath(".", from: "/site"))
        #expect {
            try pipeline.load()
        } throws: { error in
            let problems = (error as? SiteLoadFailure)?.diagnostics.sorted.map(\.description) ?? []
            return problems.count == 3
                && problems[0].hasPrefix("docket.yml:3:1: error: invalid YAML")
                && problems[1].hasPrefix("docs/a.md:2:19: error: 'sidebar_position'")
                && problems[2].hasPrefix("docs/g/_category_.yml:")
                && !problems.contains { $0.contains("broken link") }
        }
    }

    @Test func aMissingContentFolderStopsTheLoad() {
        let pipeline = SitePipeline(
            source: MemorySiteSource(files: ["pages/a.md": "# A\n"]), root: ResolvedPath(".", from: "/site"))
        #expect {
            try pipeline.load()
        } throws: { error in
            (error as? SiteLoadFailure)?.diagnostics.all.map(\.description)
                == [
                    ".: error: no content folder: neither content/ nor docs/ exists (create one, pass --content DIR, or set content: in docket.yml)"
                ]
        }
    }

    @Test func lastUpdatesComeFromTheSource() throws {
        let files = ["docket.yml": "showLastUpdateTime: true\n", "docs/a.md": "# A\n"]
        let load = try SitePipeline(
            source: MemorySiteSource(files: files, lastUpdates: ["/site/docs/a.md": LastUpdate(time: 86400)]),
            root: ResolvedPath(".", from: "/site")
        ).load()
        #expect(load.site.lastUpdates == ["a.md": LastUpdate(time: 86400)])
        let unasked = try SitePipeline(
            source: MemorySiteSource(
                files: ["docs/a.md": "# A\n"], lastUpdates: ["/site/docs/a.md": LastUpdate(time: 1)]),
            root: ResolvedPath(".", from: "/site")
        ).load()
        #expect(unasked.site.lastUpdates.isEmpty)
    }

    /// The content folder given by the caller wins over docket.yml's, and a relative one in
    /// docket.yml is resolved from the site root, not the current directory.
    @Test func contentFolderIsResolvedFromTheRoot() throws {
        let source = MemorySiteSource(
            root: "/srv/site", files: ["docket.yml": "content: pages\n", "pages/a.md": "# A\n", "other/b.md": "# B\n"])
        let named = try SitePipeline(source: source, root: ResolvedPath("site", from: "/srv")).load()
        #expect(named.content.display == "site/pages")
        #expect(named.site.pages.map(\.source) == ["a.md"])
        var given = SitePipeline(source: source, root: ResolvedPath("site", from: "/srv"))
        given.content = ResolvedPath("site/other", from: "/srv")
        #expect(try given.load().site.pages.map(\.source) == ["b.md"])
    }

    /// `configured` hears the settings once, before the pages are read, with docket.yml's theme;
    /// a docket.yml with an error is not passed on (the load stops after reading the pages).
    @Test func configuredHearsTheSettingsOnceAndOnlyWhenSound() throws {
        let heard = Mutex<[String]>([])
        var pipeline = SitePipeline(
            source: MemorySiteSource(root: "/srv/site", files: ["docket.yml": "theme: brand\n", "docs/a.md": "# A\n"]),
            root: ResolvedPath("site", from: "/srv"))
        pipeline.configured = { config in heard.withLock { $0.append(config.themeName) } }
        _ = try pipeline.load()
        #expect(heard.withLock { $0 } == ["brand"])

        heard.withLock { $0 = [] }
        pipeline.source = MemorySiteSource(
            root: "/srv/site", files: ["docket.yml": "theme: brand\nsidebar: [\n", "docs/a.md": "# A\n"])
        _ = try? pipeline.load()
        #expect(heard.withLock { $0 }.isEmpty, "settings with an error are not handed on")
    }
}
