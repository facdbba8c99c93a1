import DocketSite
import Testing

/// A backslash or NUL in a page's URL is refused (a Windows path separator, a C string's end):
/// checked on the bytes, so one inside a longer slug or beside a combining mark is found too
/// (single-quoted YAML keeps backslashes as written).
@Suite struct SlugBackslashTests {
    @Test(arguments: ["/a\\b", "a\\..\\b", "/x/\\\u{301}y"])
    func aBackslashInTheSlugIsRefused(_ slug: String) throws {
        let problems = SiteFixture.problems(files: [
            "docs/a.md": "---\nslug: '\(slug)'\n---\nA\n",
            "docs/b.md": "# B\n",
        ])
        let messages = problems.sorted.map(\.description)
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.first?.contains("would place a file outside the output folder") == true, "\(messages)")
    }

    @Test func urlPathsWithABackslashOrNULHaveNoOutputFile() {
        #expect(URLPath.outputFile(for: "/docs/a\\b") == nil)
        #expect(URLPath.outputFile(for: "/docs/a\u{0}b") == nil)
        #expect(URLPath.outputFile(for: "/docs/a\u{301}b") == "docs/a\u{301}b/index.html")
        #expect(URLPath.outputFile(for: "/docs/a/", trailingSlash: false) == "docs/a/index.html")
        // Split on the `/` byte: a combining mark after a slash does not hide a `..` segment
        // (the file system sees the byte, whatever the Characters are).
        #expect(URLPath.outputFile(for: "/docs/../\u{301}x") == nil)
        #expect(URLPath.outputFile(for: "/docs/./\u{301}x") == nil)
        #expect(URLPath.splitSuffix("/a\u{301}/b?x#y") == ("/a\u{301}/b", "?x#y"))
        #expect(URLPath.splitSuffix("/é#\u{301}top") == ("/é", "#\u{301}top"))
    }
}
