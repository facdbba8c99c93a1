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
    func site(_ files: [String: String]) throws -> URL {
        let temp = Fixtures.temporaryDirectory()
        try Fixtures.write(files, under: temp)
        return temp
    }

    @Test func defaultsSkipPartialsAndTestsOnly() throws {
        let dir = try site(["a.md": "# A", "_p.md": "x", "_d/b.md": "x", "t/x.test.md": "x", "__tests__/c.md": "x",
                            "img/_logo.png": "x", "k/_category_.json": "{}"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let inventory = try ContentInventory.scan(dir)
        #expect(inventory.pages == ["a.md"])
        #expect(inventory.categoryFiles == ["k/_category_.json"])
        #expect(inventory.otherFiles.contains("img/_logo.png"))
    }

    @Test func userExcludeAddsToTheDefaults() throws {
        let dir = try site(["a.md": "# A", "drafts/b.md": "# B", "_p.md": "x", "notes/c.mdx": "# C"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let inventory = try ContentInventory.scan(dir, exclude: [try ContentGlob("drafts/**"), try ContentGlob("**/*.mdx")])
        #expect(inventory.pages == ["a.md"])
    }

    @Test func includeNarrowsThePages() throws {
        let dir = try site(["a.md": "# A", "b.mdx": "# B", "guides/c.md": "# C"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let inventory = try ContentInventory.scan(dir, include: [try ContentGlob("guides/**/*.md")])
        #expect(inventory.pages == ["guides/c.md"])
    }

    @Test func docketYMLReadsThemAndLocatesBadOnes() {
        var config = SiteConfig()
        let diagnostics = SiteConfigLoader.load("exclude:\n  - drafts/**\n  - \"**/*.{md\"\ninclude: \"**/*.md\"\n", path: "docket.yml", into: &config)
        #expect(config.exclude.map(\.pattern) == ["drafts/**"])
        #expect(config.include?.map(\.pattern) == ["**/*.md"])
        #expect(diagnostics.errors.map(\.location.description) == ["docket.yml:3:5"])
    }
}
