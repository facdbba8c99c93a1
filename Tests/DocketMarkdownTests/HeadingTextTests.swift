import DocketTestSupport
import Testing

@testable import DocketMarkdown

/// A heading enters the table of contents when its text has a Character that is not white
/// space. The byte check that answers most headings is held to the Character reading.
@Suite struct HeadingTextTests {
    @Test func theByteCheckAgreesWithTrimmingCharacters() {
        // U+0600 is a prepended mark (it joins the Character after it); U+00A0 and U+2003 are
        // white space outside ASCII; U+0301 joins the Character before it.
        let alphabet = [" ", "\t", "\n", "a", "#", "\u{301}", "\u{600}", "\u{A0}", "\u{2003}", "é"]
        var checked = 0
        for text in Fixtures.texts(of: alphabet, upTo: 4) {
            #expect(
                HeadingAnchors.holdsNonWhitespace(text) == !text.trimmingWhitespace.isEmpty,
                "\(Array(text.unicodeScalars))")
            checked += 1
        }
        #expect(checked > 10_000)
    }

    @Test func aHeadingOfWhiteSpaceIsLeftOutOfTheContents() {
        // An explicit id, so that the heading has one: only its text keeps it out.
        let document = MarkdownDocument.parse("## \u{A0} {#blank}\n\n## Real\n", path: "a.md")
        let (_, entries) = HeadingAnchors.assign(document.root)
        #expect(entries.map(\.id) == ["real"])
    }
}
