import Testing

@testable import DocketBuild

/// After a page came or went, serve re-resolves the links that may name it:
/// `SiteOutputs.mentions` must agree with `text.lowercased().contains(name)`.
@Suite struct LinkMentionTests {
    private func names(_ list: [String]) -> [(name: String, bytes: [UInt8])] { list.map { ($0, Array($0.utf8)) } }

    @Test(
        arguments: [
            ("../guides/Bench-New-Page.md", ["bench-new-page"]),
            ("./other.md#x", ["other"]),
            ("https://EXAMPLE.com/a", ["b", "example"]),
            ("./a.md", ["a.md"]),
            ("short", ["longer-than-the-text"]),
            ("./page.md", ["pages"]),
            ("", ["x"]),
            ("./Ünïcode.md", ["ünïcode"]),
            ("/\u{212A}ey", ["key"]),
            ("./İstanbul.md", ["i̇stanbul", "stanbul"]),
            ("./plain.md", ["ünïcode", "plain"]),
            ("./AbC", ["abd", "bc"]),
        ] as [(String, [String])])
    func agreesWithLowercasedContains(_ text: String, _ list: [String]) {
        let expected = list.contains { text.lowercased().contains($0) }
        #expect(SiteOutputs.mentions(text, anyOf: names(list)) == expected, "\(text) \(list)")
    }

    @Test func findsAndMissesAsExpected() {
        #expect(SiteOutputs.mentions("../Guides/Bench-New-Page.md", anyOf: names(["bench-new-page"])))
        #expect(!SiteOutputs.mentions("../guides/bench-old-page.md", anyOf: names(["bench-new-page"])))
        #expect(SiteOutputs.mentions("/\u{212A}ey", anyOf: names(["key"])), "the Kelvin sign lowercases to k")
        #expect(!SiteOutputs.mentions("./x.md", anyOf: []))
    }
}
