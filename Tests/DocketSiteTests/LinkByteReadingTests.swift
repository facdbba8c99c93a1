import DocketTestSupport
import Testing

@testable import DocketSite

/// Link checking reads destinations and paths as bytes where it used to read Characters. These
/// tests hold the byte readings to the Character ones they replaced, on the awkward inputs
/// (combining marks joining a `/` or `:`, CR LF, non-ASCII) as well as ordinary links.
@Suite struct LinkByteReadingTests {
    /// The Character reading of `normalize` the byte fast path must agree with.
    private func normalizeByCharacters(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    @Test func isExternalAgreesWithTheCharacterReading() {
        let alphabet = ["/", ":", "a", "1", "+", ".", "%", " ", "é", "\u{301}", "\r\n"]
        var checked = 0
        for url in Fixtures.texts(of: alphabet, upTo: 4) {
            #expect(URLPath.isExternal(url) == URLPath.isExternalByCharacters(url), "\(Array(url.unicodeScalars))")
            checked += 1
        }
        #expect(checked > 10_000)
        for url in ["https://example.com", "mailto:a@b.c", "//cdn.example.com/x.js", "C++:x", "a.b-c+d:e"] {
            #expect(URLPath.isExternal(url), "\(url)")
        }
        for url in ["./setup.md", "/docs/a", "#anchor", "1http://x", ":x", "/:x", "-a:b", "setup.md#a:b", "", "/"] {
            #expect(!URLPath.isExternal(url), "\(url)")
        }
    }

    /// `fragment` and `splitSuffix` read bytes; they agree with the Character readings, a `#`
    /// or `?` that a combining mark joins included.
    @Test func fragmentsAndSuffixesAgreeWithTheCharacterReading() {
        let alphabet = ["#", "?", "a", "é", "\u{301}", "/", "\r\n"]
        var checked = 0
        for url in Fixtures.texts(of: alphabet, upTo: 4) {
            let byCharacters = url.firstIndex(of: "#").map { String(url[url.index(after: $0)...]) }
            #expect(URLPath.fragment(url) == byCharacters, "\(Array(url.unicodeScalars))")
            let (path, suffix) = URLPath.splitSuffix(url)
            #expect(path + suffix == url, "\(Array(url.unicodeScalars))")
            #expect(suffix.isEmpty || suffix.utf8.first == UInt8(ascii: "#") || suffix.utf8.first == UInt8(ascii: "?"))
            #expect(!path.utf8.contains(UInt8(ascii: "#")) && !path.utf8.contains(UInt8(ascii: "?")))
            checked += 1
        }
        #expect(checked > 2_000)
        #expect(URLPath.fragment("page-042.md#migration-notes") == "migration-notes")
        #expect(URLPath.fragment("page.md") == nil)
        #expect(URLPath.fragment("a#") == "")
        #expect(URLPath.splitSuffix("b.md?x=1#y") == ("b.md", "?x=1#y"))
    }

    @Test func joiningIsConcatenation() {
        let parts = ["", "a", "guides/", "é\u{301}/", String(repeating: "long-folder/", count: 20), "b.md#x"]
        for first in parts {
            for second in parts {
                #expect(String.joining(first, second) == first + second)
                #expect(String.joining(first, second).utf8.count == first.utf8.count + second.utf8.count)
            }
        }
    }

    @Test func normalizeAgreesWithTheCharacterReading() {
        let alphabet = ["/", ".", "a", "\u{301}", "é"]
        for path in Fixtures.texts(of: alphabet, upTo: 6) {
            #expect(LinkResolver.normalize(path) == normalizeByCharacters(path), "\(Array(path.unicodeScalars))")
        }
        #expect(LinkResolver.normalize("guides/setup.md") == "guides/setup.md")
        #expect(LinkResolver.normalize("guides/../setup.md") == "setup.md")
        #expect(LinkResolver.normalize("../setup.md") == nil)
        #expect(LinkResolver.normalize("a/.../b") == "a/.../b")
    }

    @Test func theFirstPlainCandidateIsTheNormalizedJoinWhenItIsGiven() {
        // The fast path of a Markdown link: given, it must be the first candidate the full
        // reading tries (the folder and the path, normalized), for a path that is not `./`,
        // `../` or `/`-led.
        let alphabet = ["/", ".", "a", "é", "\u{301}"]
        var given = 0
        for directory in ["", "guides/", "a/b/", "é/"] {
            for path in Fixtures.texts(of: alphabet, upTo: 5) {
                // Refused (led by `.` or `/`, or a join the bytes say needs normalizing), the full
                // reading runs: refusing is always safe.
                guard let plain = LinkResolver.firstPlainCandidate(path, directory: directory) else { continue }
                given += 1
                #expect(!path.hasPrefix("/") && !path.hasPrefix("./") && !path.hasPrefix("../"))
                #expect(plain == LinkResolver.normalize(directory + path), "\(Array(path.unicodeScalars))")
            }
        }
        #expect(given > 1_000)
    }

    @Test func markdownFilesAreKnownByTheirExtensionInAnyCase() {
        for path in ["a.md", "a.MD", "dir/b.Mdx", ".md", "x.mdX", "é.md"] {
            #expect(LinkResolver.isMarkdownFile(path), "\(path)")
        }
        for path in ["a.m", "a.mdxx", "md", "a.md/", "a.html", "a.md\u{301}", "", "a.nd", "a,md"] {
            #expect(!LinkResolver.isMarkdownFile(path), "\(path)")
        }
    }

    @Test func markdownFilesAgreeWithTheCharacterReading() {
        // U+0600 is a prepended mark: it joins the `.` after it into one Character.
        let alphabet = [".", "m", "D", "x", "a", "é", "\u{301}", "\u{600}", "/", "İ"]
        var checked = 0
        for path in Fixtures.texts(of: alphabet, upTo: 5) {
            let lower = path.lowercased()
            let byCharacters = lower.hasSuffix(".md") || lower.hasSuffix(".mdx")
            #expect(LinkResolver.isMarkdownFile(path) == byCharacters, "\(Array(path.unicodeScalars))")
            checked += 1
        }
        #expect(checked > 100_000)
    }

    @Test func encodeEscapesTheBytesAPathCannotHold() {
        #expect(URLPath.encode("/docs/Setup Guide") == "/docs/Setup%20Guide")
        #expect(
            URLPath.encode("/docs/a\"#%<>?[\\]^`{|}\u{7F}\u{1F}")
                == "/docs/a%22%23%25%3C%3E%3F%5B%5C%5D%5E%60%7B%7C%7D%7F%1F")
        #expect(URLPath.encode("/docs/naïve-!$&'()*+,;=:@~") == "/docs/naïve-!$&'()*+,;=:@~")
        #expect(URLPath.encode("https://example.com/a b") == "https://example.com/a b")
    }
}
