import DocketSite
import DocketTestSupport
import Testing

/// `codeUnitOrder` compares UTF-8 bytes where that gives JavaScript's order, and UTF-16 units
/// where the encodings disagree; both ways must agree with the UTF-16 order on any text.
@Suite struct CodeUnitOrderTests {
    @Test func theByteShortcutKeepsTheUTF16Order() {
        // ASCII, Latin-1, combining marks, the private-use area (U+E000, above the surrogates in
        // UTF-16 but below a four-byte character in UTF-8), emoji, a slash, and nothing.
        let pieces = ["a", "B", "/", "_", "é", "e\u{301}", "\u{E000}", "\u{FFFD}", "😀", "𝔸", "0", ""]
        let texts = Fixtures.texts(of: pieces, upTo: 3)
        for a in texts {
            for b in texts.prefix(200) {
                #expect(codeUnitOrder(a, b) == a.utf16.lexicographicallyPrecedes(b.utf16), "\(a) \(b)")
            }
        }
        #expect(codeUnitOrder("\u{E000}", "😀") == false && codeUnitOrder("😀", "\u{E000}"))
        #expect(
            ["b/a.md", "a.md", "B.md", "_x.md", "a/b.md"].sorted(by: codeUnitOrder) == [
                "B.md", "_x.md", "a.md", "a/b.md", "b/a.md",
            ])
    }
}
