import Testing

@testable import DocketSite

/// A page's link URLs are held as one string of URLs and read back as a dictionary.
@Suite struct LinkURLTableTests {
    @Test func aTableGivesBackEveryURLByItsDestination() {
        #expect(LinkURLTable().isEmpty && LinkURLTable().dictionary.isEmpty)
        let table = LinkURLTable([
            (destination: "./b.md#x", url: "/docs/b#x"), ("../naïve guide.md", "/docs/naïve guide"),
            ("odd", ""), ("c.md?q=1", "/docs/c?q=1"),
        ])
        #expect(!table.isEmpty)
        #expect(
            table.dictionary == [
                "./b.md#x": "/docs/b#x", "../naïve guide.md": "/docs/naïve guide", "odd": "", "c.md?q=1": "/docs/c?q=1",
            ])
    }

    @Test func aDictionarySetOnAResolvedPageReadsBackTheSame() {
        let urls = ["a.md": "/docs/a", "b.md#é": "/docs/b#é", "👍.md": "/docs/👍"]
        #expect(LinkURLTable(urls).dictionary == urls)
        #expect(LinkURLTable([:]).dictionary == [:])
    }

    @Test func exactCopiesKeepTheirContentAndNoUnusedRoom() {
        var grown = ""
        for _ in 0..<40 { grown += "/docs/a" }
        let exact = ExactStorage.string(grown)
        #expect(exact == grown)
        #expect(ExactStorage.string("short") == "short")
        #expect(
            ExactStorage.string("naïve – a longer title, with ellipsis…"[...])
                == "naïve – a longer title, with ellipsis…")
        var numbers: [Int] = []
        for n in 0..<100 { numbers.append(n) }
        #expect(numbers.capacity > numbers.count)
        let copy = ExactStorage.array(numbers)
        // What room is left is malloc's: glibc rounds a block up to 16 bytes and may hand over a
        // free chunk whose remainder (under 32 bytes) was too small to split, so up to five Ints;
        // "at most two" failed once under load (fresh-clone CI). The grown array has dozens.
        #expect(copy == numbers && copy.capacity - copy.count <= 5 && copy.capacity < numbers.capacity)
        #expect(numbers.capacity - numbers.count > 5, "the grown array has more room than any exact copy")
    }
}
