import DocketSite
import DocketTestSupport
import Foundation
import Testing

@Suite struct ContentGlobTests {
    @Test(arguments: [
        ("**/_*.{js,jsx,ts,tsx,md,mdx}", "_partial.md", true),
        ("**/_*.{js,jsx,ts,tsx,md,mdx}", "a/b/_partial.mdx", true),
        ("**/_*.{js,jsx,ts,tsx,md,mdx}", "a/_image.png", false),
        ("**/_*/**", "_drafts/x.md", true),
        ("**/_*/**", "a/_drafts/b/x.md", true),
        ("**/_*/**", "a/drafts/x.md", false),
        ("**/*.test.*", "a/b.test.md", true),
        ("**/__tests__/**", "x/__tests__/y.md", true),
        ("**/*.{md,mdx}", "intro.md", true),
        ("**/*.{md,mdx}", "a/intro.mdx", true),
        ("**/*.{md,mdx}", "a/intro.markdown", false),
        ("drafts/**", "drafts/a.md", true),
        ("drafts/**", "x/drafts/a.md", false),
        ("./guides/?.md", "guides/a.md", true),
        ("guides/[ab]*.md", "guides/beta.md", true),
        ("guides/[!ab]*.md", "guides/beta.md", false),
        // A `**` followed by names only: the path's last names answer, at any depth.
        ("**/a/*.md", "a/x.md", true),
        ("**/a/*.md", "p/q/a/x.md", true),
        ("**/a/*.md", "p/a/q/x.md", false),
        ("**/a/*.md", "x.md", false),
        ("a/**/b/*.md", "a/b/x.md", true),
        ("a/**/b/*.md", "a/p/q/b/x.md", true),
        ("a/**/b/*.md", "p/b/x.md", false),
        ("**/*", "x", true),
        ("**/b/**/c", "a/b/d/c", true),
        ("**/b/**/c", "a/b/d/c/e", false),
    ])
    func matches(_ pattern: String, _ path: String, _ expected: Bool) throws {
        #expect(try ContentGlob(pattern).matches(path) == expected, "\(pattern) ~ \(path)")
    }

    @Test func badPatternsAreRefused() {
        #expect(throws: ContentGlob.Problem.self) { try ContentGlob("**/*.{md,mdx") }
        #expect(throws: ContentGlob.Problem.self) { try ContentGlob("a}b") }
        #expect(throws: ContentGlob.Problem.self) { try ContentGlob("[ab") }
        #expect(throws: ContentGlob.Problem.self) { try ContentGlob("") }
    }
}

@Suite struct ContentExcludeIncludeTests {
    /// The inventory of `files` as the disk source and the memory source list it: both must
    /// agree, so each test checks both walks.
    func scan(_ files: [String: String], exclude: [ContentGlob] = [], include: [ContentGlob]? = nil) throws
        -> ContentInventory
    {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(files, under: temp)
        let disk = ContentInventory.scan(
            ResolvedPath(temp.path, from: "/"), in: DiskSiteSource(), exclude: exclude, include: include)
        let memory = ContentInventory.scan(
            ResolvedPath("/site", from: "/"), in: MemorySiteSource(files: files), exclude: exclude, include: include)
        #expect(disk.pages == memory.pages)
        #expect(disk.categoryFiles == memory.categoryFiles)
        #expect(disk.otherFiles == memory.otherFiles)
        #expect(disk.badNames == memory.badNames)
        return memory
    }

    @Test func defaultsSkipPartialsAndTestsOnly() throws {
        let inventory = try scan([
            "a.md": "# A", "_p.md": "x", "_d/b.md": "x", "t/x.test.md": "x", "__tests__/c.md": "x",
            "img/_logo.png": "x", "k/_category_.json": "{}", ".git/x.md": "x", "node_modules/m/r.md": "x",
        ])
        #expect(inventory.pages == ["a.md"])
        #expect(inventory.categoryFiles == ["k/_category_.json"])
        #expect(inventory.otherFiles == ["img/_logo.png"])
    }

    @Test func userExcludeAddsToTheDefaults() throws {
        let inventory = try scan(
            ["a.md": "# A", "drafts/b.md": "# B", "_p.md": "x", "notes/c.mdx": "# C"],
            exclude: [try ContentGlob("drafts/**"), try ContentGlob("**/*.mdx")])
        #expect(inventory.pages == ["a.md"])
    }

    @Test func includeNarrowsThePages() throws {
        let inventory = try scan(
            ["a.md": "# A", "b.mdx": "# B", "guides/c.md": "# C"], include: [try ContentGlob("guides/**/*.md")])
        #expect(inventory.pages == ["guides/c.md"])
    }

    /// A folder or file whose name holds a control character is left out and named once; the
    /// folder's files are not listed one by one.
    @Test func controlCharactersInNamesAreReportedOnce() throws {
        let inventory = try scan(["a.md": "# A", "b\nc.md": "x", "bad\tdir/x.md": "x", "bad\tdir/y.md": "x"])
        #expect(inventory.pages == ["a.md"])
        #expect(inventory.badNames == ["b\nc.md", "bad\tdir"])
    }

    @Test func docketYMLReadsThemAndLocatesBadOnes() {
        var config = SiteConfig()
        let diagnostics = SiteConfigLoader.load(
            "exclude:\n  - drafts/**\n  - \"**/*.{md\"\ninclude: \"**/*.md\"\n", path: "docket.yml", into: &config)
        #expect(config.exclude.map(\.pattern) == ["drafts/**"])
        #expect(config.include?.map(\.pattern) == ["**/*.md"])
        #expect(diagnostics.errors.map(\.location.description) == ["docket.yml:3:5"])
    }
}
