import DocketDiagnostics
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// Numbers, duplicate keys and sizes from YAML and pages that once crashed docket or ran for
/// seconds: each is now a located error.
@Suite struct InputLimitTests {
    private func diagnostics(_ files: [String: String], config: String? = nil) throws -> [String] {
        var all = files.reduce(into: [String: String]()) { $0["docs/" + $1.key] = $1.value }
        if let config { all["docket.yml"] = config }
        return SiteFixture.problems(files: all).sorted.map(\.description)
    }

    @Test(arguments: ["1e300", "+inf", ".inf", "-1e999", "0x7fffffffffffffff", ".nan"])
    func hugeHeadingLevelsAreErrorsAtTheValue(value: String) throws {
        let found = try diagnostics([
            "a.md": "---\ntoc_min_heading_level: \(value)\ntoc_max_heading_level: \(value)\n---\n# A\n"
        ])
        #expect(
            found == [
                "docs/a.md:2:24: error: 'toc_min_heading_level' must be a heading level from 2 to 6",
                "docs/a.md:3:24: error: 'toc_max_heading_level' must be a heading level from 2 to 6",
            ])
    }

    @Test(arguments: ["1e300", "-1e999", "0x7fffffffffffffff", "1000000001"])
    func positionsOutOfRangeAreErrors(value: String) throws {
        let found = try diagnostics([
            "a.md": "---\nsidebar_position: \(value)\n---\n# A\n",
            "g/_category_.yml": "position: \(value)\n",
            "g/b.md": "# B\n",
        ])
        #expect(
            found == [
                "docs/a.md:2:19: error: 'sidebar_position' must be a number from -1000000000 to 1000000000, not \(value)",
                "docs/g/_category_.yml:1:11: error: 'position' must be a number from -1000000000 to 1000000000, not \(value)",
            ])
    }

    @Test func configHeadingLevelsOutOfRange() throws {
        let found = try diagnostics(
            ["a.md": "# A\n"],
            config: "tableOfContents:\n  minHeadingLevel: 0x7fffffffffffffff\n  maxHeadingLevel: .inf\n")
        #expect(
            found == [
                "docket.yml:2:20: error: 'tableOfContents.minHeadingLevel' must be a heading level from 2 to 6",
                "docket.yml:3:20: error: 'tableOfContents.maxHeadingLevel' must be a heading level from 2 to 6",
            ])
    }

    @Test func duplicateKeysAreErrorsAtTheSecondKeyNamingTheFirst() throws {
        let found = try diagnostics(
            [
                "a.md": "---\ntitle: A\nsidebar_position: 2\ntitle: B\n---\n# A\n",
                "g/_category_.json": "{\"label\": \"G\",\n \"label\": \"H\"}\n",
                "g/b.md": "# B\n",
            ],
            config: "title: Site\nnavbar: []\ntitle: Other\n")
        #expect(
            found == [
                "docket.yml:3:1: error: invalid YAML: duplicate key 'title' (first at line 1, column 1)",
                "docs/a.md:4:1: error: invalid front matter: duplicate key 'title' (first at line 2, column 1)",
                "docs/g/_category_.json:2:2: error: invalid category file: duplicate key 'label' (first at line 1, column 2)",
            ])
    }

    @Test func syntaxErrorsNameWhereTheConstructStarts() throws {
        let found = try diagnostics(
            ["a.md": "---\ntitle: A\ndescription\nx: 1\n---\n# A\n"], config: "title: A\nbroken\nnext: 1\n")
        #expect(
            found == [
                "docket.yml:3:1: error: invalid YAML: could not find expected ':' (in the simple key that starts at line 2, column 1)",
                "docs/a.md:4:1: error: invalid front matter: could not find expected ':' (in the simple key that starts at line 3, column 1)",
            ])
    }

    @Test func oversizedPagesFrontMatterAndTitlesAreErrors() throws {
        let big = PageParser.parse(
            text: String(repeating: "a", count: PageParser.maxPageBytes + 1), source: "a.md", displayPath: "docs/a.md")
        #expect(
            big.diagnostics.all.map(\.description) == [
                "docs/a.md:1:1: error: the page is 10485761 bytes; pages may be at most 10485760 bytes (10 MB)"
            ])
        let frontMatter =
            "---\ndescription: " + String(repeating: "d", count: PageParser.maxFrontMatterBytes) + "\n---\nText\n"
        let fm = PageParser.parse(text: frontMatter, source: "a.md", displayPath: "docs/a.md")
        #expect(
            fm.diagnostics.all.map(\.description) == [
                "docs/a.md:2:1: error: the front matter is 262158 bytes; it may be at most 262144 bytes"
            ])
        let long = String(repeating: "t", count: 1001)
        let titles = try diagnostics([
            "a.md": "---\ntitle: \(long)\n---\nText\n",
            "b.md": "\n# \(long)\n",
        ])
        #expect(
            titles == [
                "docs/a.md:2:8: error: 'title' is 1001 characters long; titles may be at most 1000",
                "docs/b.md:2:1: error: the title is 1001 characters long; titles may be at most 1000",
            ])
    }

    @Test func excerptsAreCutAtTheLimit() {
        let page = PageParser.parse(
            text: String(repeating: "word ", count: 1_000), source: "a.md", displayPath: "docs/a.md")
        #expect(page.excerpt?.count == 1001)
        #expect(page.excerpt?.hasSuffix("…") == true)
    }

    @Test func lineEndingsAreNormalisedInOnePass() {
        #expect("a\r\nb\r\n\r\nc\rd\r".withUnixLineEndings == "a\nb\n\nc\rd\r")
        #expect("no returns".withUnixLineEndings == "no returns")
        #expect("é\r\n🙂\r\n".withUnixLineEndings == "é\n🙂\n")
        #expect("x\ry\r\nz".withUnixLineEndings == "x\ry\nz", "a lone CR before the first CRLF stays")
        #expect("\r\r\n\r".withUnixLineEndings == "\r\n\r")
        #expect("\r".withUnixLineEndings == "\r")
        #expect("a\r".withUnixLineEndings == "a\r")
        let big = String(repeating: "a\r\n", count: 3_000_000)
        let start = Date()
        #expect(big.withUnixLineEndings.utf8.count == 6_000_000)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
