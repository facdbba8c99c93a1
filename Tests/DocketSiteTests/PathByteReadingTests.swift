import DocketTestSupport
import Testing

@testable import DocketSite

/// Placing a page (its id, slug and URL) splits paths on the `/` byte where it used to split
/// Characters, and finds the front matter's fences by their bytes. These tests hold the byte
/// readings to the Character ones they replaced on every short text of an awkward alphabet;
/// the one place the two differ is a `/` that a combining mark follows, where the byte reading
/// is the one Docusaurus has (JavaScript splits `"a/\u{301}b"` on its `/`).
@Suite struct PathByteReadingTests {
    private func resolveByCharacters(_ to: String, from: String) -> String {
        let toParts = to.isEmpty ? [] : to.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var parts = from.isEmpty ? [] : from.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let toAbsolute = to.hasPrefix("/")
        let mustEndAbsolute = toAbsolute || from.hasPrefix("/")
        if toAbsolute {
            parts = toParts
        } else if !toParts.isEmpty {
            if !parts.isEmpty { parts.removeLast() }
            parts += toParts
        }
        if parts.isEmpty { return "/" }
        let last = parts[parts.count - 1]
        let hasTrailingSlash = last == "." || last == ".." || last == ""
        var up = 0
        var i = parts.count - 1
        while i >= 0 {
            if parts[i] == "." {
                parts.remove(at: i)
            } else if parts[i] == ".." {
                parts.remove(at: i)
                up += 1
            } else if up > 0 {
                parts.remove(at: i)
                up -= 1
            }
            i -= 1
        }
        if !mustEndAbsolute {
            while up > 0 { parts.insert("..", at: 0); up -= 1 }
        }
        if mustEndAbsolute && parts.first != "" { parts.insert("", at: 0) }
        var result = parts.joined(separator: "/")
        if hasTrailingSlash && !result.hasSuffix("/") { result += "/" }
        return result
    }

    private func joinByCharacters(_ pieces: [String]) -> String {
        var result = ""
        for piece in pieces where !piece.isEmpty {
            if result.hasSuffix("/") && piece.hasPrefix("/") {
                result += piece.dropFirst()
            } else if !result.isEmpty && !result.hasSuffix("/") && !piece.hasPrefix("/") {
                result += "/" + piece
            } else {
                result += piece
            }
        }
        var collapsed = ""
        var previousSlash = false
        for ch in result {
            if ch == "/" {
                if previousSlash { continue }
                previousSlash = true
            } else {
                previousSlash = false
            }
            collapsed.append(ch)
        }
        return collapsed.isEmpty ? "/" : (collapsed.hasPrefix("/") ? collapsed : "/" + collapsed)
    }

    /// True when a combining mark follows a `/`: the one text where Characters and bytes split
    /// differently.
    private func joinsASlash(_ text: String) -> Bool {
        text.contains { $0 != "/" && $0.unicodeScalars.first == "/" }
    }

    private let alphabet = ["/", ".", "..", "a", "é", "1", "\u{301}", " "]

    @Test func resolveAgreesWithTheCharacterReading() {
        var checked = 0
        for to in Fixtures.texts(of: alphabet, upTo: 3) {
            for from in ["", "/", "/docs/", "/docs/guide", "a/b", "../x/", "/é/é", "./"] + ["/docs/\(to)"] {
                guard !joinsASlash(to), !joinsASlash(from) else { continue }
                #expect(
                    URLPath.resolve(to, from: from) == resolveByCharacters(to, from: from),
                    "\(Array(to.unicodeScalars)) from \(Array(from.unicodeScalars))")
                checked += 1
            }
        }
        #expect(checked > 3_000)
        #expect(URLPath.resolve("../b", from: "/docs/guide/a") == "/docs/b")
        #expect(URLPath.resolve("./", from: "/docs/a") == "/docs/")
        #expect(URLPath.resolve("/x/../y", from: "/docs/") == "/y")
    }

    /// `URLPath.outputFile` as it was written before its one-pass byte reading: names split on
    /// the `/` byte, compared and joined as substrings.
    private func outputFileBySubstrings(_ path: String, trailingSlash: Bool?) -> String? {
        let segments = path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        for segment in segments
        where segment == ".." || segment == "." || segment.utf8.contains(UInt8(ascii: "\\")) || segment.utf8.contains(0)
        {
            return nil
        }
        let relative = segments.joined(separator: "/")
        if relative.isEmpty { return "index.html" }
        if path.hasSuffix("/") { return relative + "/index.html" }
        if let last = segments.last, last.hasSuffix(".html") || last.hasSuffix(".xml") { return relative }
        if trailingSlash == false { return relative + ".html" }
        return relative + "/index.html"
    }

    @Test func outputFileAgreesWithTheSubstringReading() {
        var checked = 0
        let names = ["/", ".", "a", "\\", "\u{0}", "\u{301}", "\u{600}", ".html", ".xml", "é"]
        for path in Fixtures.texts(of: names, upTo: 4) {
            for trailingSlash in [nil, true, false] {
                #expect(
                    URLPath.outputFile(for: path, trailingSlash: trailingSlash)
                        == outputFileBySubstrings(path, trailingSlash: trailingSlash),
                    "\(Array(path.unicodeScalars)) trailingSlash \(String(describing: trailingSlash))")
                checked += 1
            }
        }
        #expect(checked > 30_000)
        #expect(URLPath.outputFile(for: "/docs//a/") == "docs/a/index.html")
        #expect(URLPath.outputFile(for: "/sitemap.xml") == "sitemap.xml")
    }

    @Test func joinAgreesWithTheCharacterReading() {
        var checked = 0
        for first in Fixtures.texts(of: alphabet, upTo: 3) {
            for second in ["", "/", "//", "x", "/x/", "é//é", "\(first)/"] {
                // A piece that starts with a mark joins the `/` put before it.
                guard !joinsASlash("/" + first), !joinsASlash("/" + second) else { continue }
                for pieces in [[first, second], ["/base/", first, second], [second, first]] {
                    #expect(
                        URLPath.join(pieces) == joinByCharacters(pieces), "\(pieces.map { Array($0.unicodeScalars) })")
                    checked += 1
                }
            }
        }
        #expect(checked > 5_000)
        #expect(URLPath.join(["/", "docs/", "/guide//a/"]) == "/docs/guide/a/")
        #expect(URLPath.join(["", ""]) == "/")
    }

    @Test func aSlashThatACombiningMarkFollowsStillSeparates() {
        // As in Docusaurus (JavaScript strings split on the `/` code unit) and on disk.
        #expect(URLPath.resolve("\u{301}b", from: "/docs/a/\u{301}c") == "/docs/a/\u{301}b")
        #expect(URLPath.join(["/docs/", "/\u{301}x"]) == "/docs/\u{301}x")
        #expect(NumberPrefix.strippingSegments(of: "01-a/\u{301}02-b") == "a/\u{301}02-b")
        #expect(NumberPrefix.strippingSegments(of: "01-a/02-b/") == "a/b/")
    }

    @Test func aNameWithoutALeadingDigitHasNoPrefix() {
        for name in ["intro", "", "-1-x", "é1-x", " 1-x", "a01-b"] {
            let parsed = NumberPrefix(parsing: name)
            #expect(parsed.name == name && parsed.position == nil, "\(name)")
        }
        #expect(NumberPrefix(parsing: "01-intro") == NumberPrefix(name: "intro", position: 1))
        #expect(NumberPrefix(parsing: "2021-01-31-release").position == nil)
    }

    @Test func frontMatterFencesAreFoundByTheirBytes() {
        let cases: [(text: String, yaml: String?, body: String, offset: Int)] = [
            ("---\ntitle: A\n---\nBody\n", "title: A\n", "Body\n", 3),
            ("\u{FEFF}---\ntitle: A\n---\n", "title: A\n", "", 3),
            ("--- \t\r\na: 1\n---  \nx", "a: 1\n", "x", 3),
            ("---\na: 1\n----\n", nil, "---\na: 1\n----\n", 0),
            ("---\na: 1\n", nil, "---\na: 1\n", 0),
            ("---x\na: 1\n---\n", nil, "---x\na: 1\n---\n", 0),
            ("---\u{301}\na: 1\n---\n", nil, "---\u{301}\na: 1\n---\n", 0),
            ("---", nil, "---", 0),
            ("é\n---\n", nil, "é\n---\n", 0),
            ("---\n---\nbody é", "", "body é", 2),
            ("---\nt: é\n---", "t: é\n", "", 3),
        ]
        for c in cases {
            let split = FrontMatterSplit(c.text)
            #expect(split.yaml == c.yaml, "\(c.text.debugDescription)")
            #expect(split.body == c.body, "\(c.text.debugDescription)")
            #expect(split.bodyLineOffset == c.offset, "\(c.text.debugDescription)")
        }
    }
}
