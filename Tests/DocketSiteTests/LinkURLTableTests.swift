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

    /// The renderer looks each destination up (`url(for:)`, a binary search) instead of making
    /// the dictionary: both readings agree, on every destination of tables of every size and on
    /// destinations a table does not have.
    @Test func lookingADestinationUpAgreesWithTheDictionary() {
        let names = ["a.md", "b.md#é", "b.md#e\u{301}", "👍.md", "", "z", "A.md", "./a.md", "a.md?x"]
        for size in 0...names.count {
            var urls: [String: String] = [:]
            for (index, name) in names.prefix(size).enumerated() { urls[name] = "/docs/\(index)" }
            let table = LinkURLTable(urls)
            for name in names + ["absent", "b.md"] {
                #expect(table.url(for: name) == urls[name], "\(name) in \(size)")
            }
        }
        let repeated = LinkURLTable([(destination: "x", url: "/1"), ("y", "/2"), ("x", "/3")])
        #expect(repeated.url(for: "x") == "/3" && repeated.dictionary["x"] == "/3", "the last entry counts")
        let page = ResolvedPage(
            page: Page(
                parsed: ParsedPage.placeholder, id: "p", sourceDirectory: ".", fileName: "p.md", slug: "/p",
                permalink: "/docs/p", title: "P", sidebarPosition: nil, isIndexByName: false),
            linkURLs: ["q.md": "/docs/q"], assets: [], diagnostics: .init())
        #expect(page.linkLookup("q.md") == "/docs/q" && page.linkLookup("r.md") == nil)
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
