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

    /// Each `{a,b}` doubles the patterns: 1,024 are made, more are refused with the glob named
    /// (two dozen groups, 16 million patterns, held a build before).
    @Test func braceGroupsThatMakeTooManyPatternsAreRefused() throws {
        let most = try ContentGlob(String(repeating: "{a,b}", count: 10) + ".md")
        #expect(most.matches("abbaabbaab.md"))
        #expect(!most.matches("abbaabbaa.md"))
        let tooMany = String(repeating: "{a,b}", count: 24) + ".md"
        let problem = #expect(throws: ContentGlob.Problem.self) { try ContentGlob(tooMany) }
        #expect(problem?.message == "'\(tooMany)' expands to more than 1024 patterns (each {a,b} doubles them)")
        #expect(throws: ContentGlob.Problem.self) { try ContentGlob(String(repeating: "{a,b}", count: 11)) }
    }

    /// One name against one segment, by the rules written out as plainly as they read: each `*`
    /// tries every length. The glob's own one-pass match must agree on every pattern and name.
    private static func reference(_ p: [Character], _ s: [Character]) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        switch c {
        case "*":
            return (0...s.count).contains { reference(Array(p.dropFirst()), Array(s.dropFirst($0))) }
        case "?":
            return !s.isEmpty && reference(Array(p.dropFirst()), Array(s.dropFirst()))
        case "[":
            guard let close = p.dropFirst().firstIndex(of: "]"), let ch = s.first else { return false }
            var set = Array(p[1..<close])
            let negated = set.first == "!" || set.first == "^"
            if negated { set.removeFirst() }
            var found = false
            var i = 0
            while i < set.count {
                if i + 2 < set.count, set[i + 1] == "-" {
                    if set[i] <= ch, ch <= set[i + 2] { found = true }
                    i += 3
                } else {
                    if set[i] == ch { found = true }
                    i += 1
                }
            }
            return found != negated && reference(Array(p[(close + 1)...]), Array(s.dropFirst()))
        case "\\" where p.count > 1:
            return s.first == p[1] && reference(Array(p.dropFirst(2)), Array(s.dropFirst()))
        default:
            return s.first == c && reference(Array(p.dropFirst()), Array(s.dropFirst()))
        }
    }

    /// Random patterns of stars, `?`, sets, escapes and letters against random names (a fixed
    /// seed): a one-pass match that gave up too early or backtracked to the wrong star differs.
    @Test func oneNameMatchesAsEveryLengthOfEachStarWould() throws {
        var random = SeededRandom(seed: 20_261_204)
        let tokens = ["a", "b", ".", "*", "*", "?", "[ab]", "[!a]", "[a-c]", "\\*", "\\?", "\\a"]
        let letters: [Character] = ["a", "b", "c", ".", "*", "?"]
        var compared = 0
        for _ in 0..<3_000 {
            let pattern = (0..<Int.random(in: 0...6, using: &random)).map { _ in tokens.randomElement(using: &random)! }
                .joined()
            guard !pattern.isEmpty else { continue }
            let glob = try ContentGlob(pattern)
            for _ in 0..<8 {
                let name = String(
                    (0..<Int.random(in: 1...7, using: &random)).map { _ in letters.randomElement(using: &random)! })
                #expect(glob.matches(name) == Self.reference(Array(pattern), Array(name)), "\(pattern) ~ \(name)")
                compared += 1
            }
        }
        #expect(compared > 20_000)
    }

    /// Stars that could each take any length, against a long name that almost matches: trying
    /// every length of every star is about 10^15 tries here (a glob in docket.yml's `exclude`
    /// would have hung the scan); going back to the last star only is 60 x 41 steps.
    @Test func manyStarsAgainstALongNameFinishAtOnce() throws {
        let name = String(repeating: "a", count: 60)
        #expect(try !ContentGlob(String(repeating: "*a", count: 20) + "b").matches(name))
        #expect(try ContentGlob(String(repeating: "*a", count: 20) + "*").matches(name))
        #expect(try !ContentGlob("**/" + String(repeating: "*a", count: 20) + "b").matches("x/y/" + name))
    }

    /// Ten `**` against a path thirty folders deep that almost matches: every split of the
    /// folders among them is about 10^11 ways; each segment against each name once is 21 x 31.
    @Test func manyDoubleStarsAgainstADeepPathFinishAtOnce() throws {
        let deep = Array(repeating: "a", count: 30).joined(separator: "/")
        let glob = try ContentGlob(Array(repeating: "**/a", count: 10).joined(separator: "/") + "/b")
        #expect(!glob.matches(deep + "/c"))
        #expect(glob.matches(deep + "/b"))
        // As a folder pattern (`/**` at the end): the folder itself ends in `a`; a folder below it does not.
        let folders = try ContentGlob(Array(repeating: "**/a", count: 10).joined(separator: "/") + "/**")
        #expect(folders.matchesFolder(deep))
        #expect(!folders.matchesFolder(deep + "/x"))
    }

    /// Names against segments as plainly as the rules read: `**` takes any number of names,
    /// at least one when it ends the pattern (what is inside a folder, not a file of its name).
    private static func reference(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return !path.isEmpty }
            return (0...path.count).contains { reference(rest, path.dropFirst($0)) }
        }
        guard let name = path.first, reference(Array(first), Array(name)) else { return false }
        return reference(pattern.dropFirst(), path.dropFirst())
    }

    /// Random patterns of `**`, starred and plain names against random paths (a fixed seed).
    @Test func pathsMatchAsEveryNumberOfFoldersForEachDoubleStarWould() throws {
        var random = SeededRandom(seed: 4_12_2026)
        let segments = ["**", "**", "a", "b", "*", "?", "[ab]*", "*b"]
        let names = ["a", "b", "ab", "ba", "c"]
        for _ in 0..<2_000 {
            let pattern = (0..<Int.random(in: 1...7, using: &random)).map { _ in segments.randomElement(using: &random)!
            }
            let glob = try ContentGlob(pattern.joined(separator: "/"))
            for _ in 0..<8 {
                let path = (0..<Int.random(in: 1...7, using: &random)).map { _ in names.randomElement(using: &random)! }
                let expected = Self.reference(pattern[...], path[...])
                #expect(glob.matches(path.joined(separator: "/")) == expected, "\(pattern) ~ \(path)")
            }
        }
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
