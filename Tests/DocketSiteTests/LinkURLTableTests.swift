@testable import DocketSite
import Testing

/// A page's link URLs are held as one string of URLs and read back as a dictionary.
@Suite struct LinkURLTableTests {
    @Test func aTableGivesBackEveryURLByItsDestination() {
        var table = LinkURLTable()
        #expect(table.isEmpty && table.dictionary.isEmpty)
        table.append("/docs/b#x", for: "./b.md#x")
        table.append("/docs/naïve guide", for: "../naïve guide.md")
        table.append("", for: "odd")
        table.append("/docs/c?q=1", for: "c.md?q=1")
        #expect(table.dictionary == ["./b.md#x": "/docs/b#x", "../naïve guide.md": "/docs/naïve guide", "odd": "", "c.md?q=1": "/docs/c?q=1"])
    }

    @Test func aDictionarySetOnAResolvedPageReadsBackTheSame() {
        let urls = ["a.md": "/docs/a", "b.md#é": "/docs/b#é", "👍.md": "/docs/👍"]
        #expect(LinkURLTable(urls).dictionary == urls)
        #expect(LinkURLTable([:]).dictionary == [:])
    }
}
