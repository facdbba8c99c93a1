import DocketSite
import Foundation
import Synchronization

/// The full-text search data the default theme's search box reads, under `assets/docket/`. One
/// result per heading section; every listed page (and generated category page) is indexed with
/// its title, headings, `keywords`, description and body text (paragraphs, lists, tables,
/// admonitions, code blocks).
///
/// So that a site of ten thousand pages stays cheap to search, the data is split three ways and
/// the browser fetches only what a query needs:
///
/// - `search-index.json`, fetched when the search box first gets focus: the pages (`t` title,
///   `u` URL), the number of sections, which term file holds the terms starting with two
///   to four characters (`shards`: a term is in the file of the longest key it starts with), and
///   the first section of each text file (`fragments`).
/// - `search/t<N>.json`, fetched for each word typed (the files whose keys start the word or
///   start with it): every term with the sections it occurs in, as a string (see `encode`). Very
///   common words (`the`, `and`…) are stored only where they occur in a title, heading or
///   keyword: in a body they match everything and would be most of the index.
/// - `search/f<N>.json`, fetched for the results shown: `[page, heading, anchor, text]` of each
///   section from `fragments[N]` on, for the snippet.
public enum SearchIndex {
    /// Where a term occurs in a section; the bits of a posting, and the ranking order.
    public enum Field {
        public static let title = 8
        public static let heading = 4
        public static let keywords = 2
        public static let body = 1
    }

    /// A term file is closed once it holds this many bytes; so is a group of terms split by a
    /// longer key (a single term, or a four-character group, can still be larger).
    static let shardBytes = 48_000
    /// A text file is closed once it holds this many bytes of section text.
    static let fragmentBytes = 16_000

    /// Words left out of body text (still indexed in titles, headings and keywords).
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "for", "from", "has", "have",
        "if", "in", "into", "is", "it", "its", "not", "of", "on", "or", "so", "than", "that", "the",
        "their", "then", "there", "these", "this", "to", "was", "were", "when", "which", "will",
        "with", "you", "your",
    ]

    /// Digits of a posting: the last one from `final`, the others from `leading`, 5 bits each. Both
    /// alphabets are plain in JSON strings.
    static let final = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let leading = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_".utf8)

    /// The files to write, by path relative to `assets/docket/`: `search-index.json`, the term
    /// files, then the text files. Batches are made on every core.
    public static func files(_ site: Site) -> [(path: String, content: String)] {
        let written = Mutex<[(path: String, content: String)]>([])
        let build = SearchIndexBuild<Never>(site)
        _ = concurrentMap(build.batchCount) { batch in
            build.run(batch: batch) { path, content in written.withLock { $0.append((path, content)) } }
        }
        let files = written.withLock { $0 }
        return files.filter { !$0.path.hasPrefix("search/") } + files.filter { $0.path.hasPrefix("search/t") }
            + files.filter { $0.path.hasPrefix("search/f") }
    }

    /// Makes the search files on this thread and hands each to `emit` as soon as it is complete,
    /// by path relative to `assets/docket/`: text files, then term files, then
    /// `search-index.json` (which names them). A build runs a `SearchIndexBuild`'s batches among
    /// its pages instead, and writes each file to disk at once, so the search data of a large
    /// site never all sit in memory next to the rendered pages: at 10,000 pages, returning every
    /// file at the end made the search index most of the build's peak memory.
    ///
    /// With `releasingSections`, each prepared page's search sections are given back as soon as
    /// they are read (`PreparedBody.releaseSearchSections`).
    public static func write<Failure: Error>(
        _ site: Site, releasingSections: Bool = false, emit: (_ path: String, _ content: String) throws(Failure) -> Void
    ) throws(Failure) {
        try write(site, pagesPerBatch: pagesPerBatch, releasingSections: releasingSections, emit: emit)
    }

    /// `write`, with the batch size as a parameter (tests make batches of a page or two).
    static func write<Failure: Error>(
        _ site: Site, pagesPerBatch: Int, releasingSections: Bool = false,
        emit: (_ path: String, _ content: String) throws(Failure) -> Void
    ) throws(Failure) {
        let build = SearchIndexBuild<Failure>(site, pagesPerBatch: pagesPerBatch, releasingSections: releasingSections)
        for batch in 0..<build.batchCount { build.run(batch: batch, emit: emit) }
        if let failure = build.wait() { throw failure }
    }

    /// The files that follow the text files, once every section is in `postings`: the term
    /// files, then `search-index.json`, which names them and the text files' first sections.
    static func writeFiles<Failure: Error>(
        pages: [(title: String, url: String)], sectionCount: Int, fragmentStarts: [Int],
        postings: TermTable<PostingList>, emit: (_ path: String, _ content: String) throws(Failure) -> Void
    ) throws(Failure) {
        var lists: [String: PostingList] = [:]
        lists.reserveCapacity(postings.count)
        postings.forEveryTerm { term, list in
            // Two spellings of one text (composed and decomposed accents) are one `String` key.
            if let other = lists[term] {
                var merged = PostingList()
                for value in merge(decode(other.text), decode(list.text)) { merged.append(value) }
                lists[term] = merged
            } else {
                lists[term] = list
            }
        }
        let shardOfKey = try writeTermFiles(lists, emit: emit)

        var head = "{\"v\":2,\"pages\":["
        head += pages.map { "{\"t\":\(JSONStringLiteral.quoted($0.title)),\"u\":\(JSONStringLiteral.quoted($0.url))}" }
            .joined(separator: ",\n")
        head += "],\n\"sections\":\(sectionCount),\n\"shards\":{"
        head += shardOfKey.map { "\(JSONStringLiteral.quoted($0.0)):\($0.1)" }.joined(separator: ",")
        head += "},\n\"fragments\":[" + fragmentStarts.map(String.init).joined(separator: ",") + "]}\n"
        try emit("search-index.json", head)
    }

    /// Term files: terms sorted and grouped by their first two characters; a group too large for
    /// one file is split by one more character (up to four), so typing narrows what is fetched.
    /// Returns which file holds each key.
    private static func writeTermFiles<Failure: Error>(
        _ postings: [String: PostingList], emit: (_ path: String, _ content: String) throws(Failure) -> Void
    ) throws(Failure) -> [(String, Int)] {
        var groups: [(key: String, terms: [String])] = []
        var byPrefix: [(key: String, terms: [String])] = []
        for term in postings.keys.sorted() {
            let key = String(String.UnicodeScalarView(term.unicodeScalars.prefix(2)))
            if byPrefix.last?.key == key {
                byPrefix[byPrefix.count - 1].terms.append(term)
            } else {
                byPrefix.append((key, [term]))
            }
        }
        for group in byPrefix { split(group.terms, key: group.key, postings: postings, into: &groups) }
        var shardOfKey: [(String, Int)] = []
        var shardCount = 0
        var shard = ""
        for group in groups {
            if shard.utf8.count >= shardBytes {
                try emit("search/t\(shardCount).json", shard + "}\n")
                shardCount += 1
                shard = ""
            }
            shardOfKey.append((group.key, shardCount))
            for term in group.terms {
                shard += shard.isEmpty ? "{" : ","
                shard += JSONStringLiteral.quoted(term) + ":\"" + postings[term]!.text + "\""
            }
        }
        if !shard.isEmpty { try emit("search/t\(shardCount).json", shard + "}\n") }
        return shardOfKey
    }

    /// Appends `terms` (sorted, all starting with `key`) as one group, or, when their entries
    /// exceed `shardBytes`, as groups keyed one character longer; a term equal to `key` keeps it.
    static func split(
        _ terms: [String], key: String, postings: [String: PostingList],
        into groups: inout [(key: String, terms: [String])]
    ) {
        let bytes = terms.reduce(0) { $0 + $1.utf8.count + postings[$1]!.bytes.count + 6 }
        let length = key.unicodeScalars.count
        guard bytes > shardBytes, length < 4 else {
            groups.append((key, terms))
            return
        }
        var longer: [(key: String, terms: [String])] = []
        for term in terms {
            if term == key {
                groups.append((key, [term]))
                continue
            }
            let next = String(String.UnicodeScalarView(term.unicodeScalars.prefix(length + 1)))
            if longer.last?.key == next {
                longer[longer.count - 1].terms.append(term)
            } else {
                longer.append((next, [term]))
            }
        }
        for group in longer { split(group.terms, key: group.key, postings: postings, into: &groups) }
    }

    /// The indexed pages (listed doc pages, then generated category pages) and their sections.
    static func collect(_ site: Site) -> (pages: [(title: String, url: String)], sections: [SearchSection]) {
        let listed = listedPages(of: site)
        var sections: [SearchSection] = []
        for (number, index) in listed.enumerated() { sections += self.sections(of: site, listed: index, as: number) }
        sections += generatedSections(of: site, firstPage: listed.count)
        return (indexedPages(of: site, listed: listed), sections)
    }

    /// The listed pages by their index in `site.pages`, in the index's order: by index, as a
    /// filtered copy of the pages themselves was a second array of every page's full value
    /// (11 MB at 10,000 pages) held through the whole index.
    static func listedPages(of site: Site) -> [Int] {
        site.pages.indices.filter { !site.pages[$0].frontMatter.unlisted }
    }

    /// The title and URL of each indexed page: the `listed` pages, then the generated category
    /// pages (what `search-index.json` lists, in the order sections number them).
    static func indexedPages(of site: Site, listed: [Int]) -> [(title: String, url: String)] {
        listed.map { (site.pages[$0].title, URLPath.encode(site.pages[$0].permalink)) }
            + site.generatedIndexes.map { ($0.title, URLPath.encode($0.permalink)) }
    }

    /// Pages whose sections are made at once (a `SearchIndexBuild` batch): the sections of
    /// every page (the site's whole text) never all exist at the same time. With each batch's
    /// term table they are what the index holds beside the site while the pages render: batches
    /// of 256 pages, not 1,024, took the peak of a 1,000-page build from 70 to 65 MiB (project
    /// corpus) and from 88 to 79 MiB (shared), in the same time; 64, not 256, from 51.9 to 50.8
    /// and from 67.1 to 65.4 MiB (medians of 8).
    static let pagesPerBatch = 64

    /// The sections of `site.pages[index]`, the index's page `number`: numbered and the first
    /// titled. With `releasing`, a prepared page's sections are released once read.
    static func sections(of site: Site, listed index: Int, as number: Int, releasing: Bool = false) -> [SearchSection] {
        // Read in place: a copy of the page retained each of its many parts.
        guard let prepared = site.pages[index].parsed.prepared else {
            return SearchSection.sections(
                of: site.pages[index].parsed.document, page: number, title: site.pages[index].title,
                description: site.pages[index].description, keywords: site.pages[index].frontMatter.keywords)
        }
        // Gathered when the page was parsed (its tree is gone): numbered and titled here.
        guard var sections = prepared.searchSections else {
            preconditionFailure(
                "\(site.pages[index].parsed.displayPath): the page's search sections were released before they were read"
            )
        }
        if releasing { prepared.releaseSearchSections() }
        for section in sections.indices { sections[section].page = number }
        sections[0].title = site.pages[index].title
        return sections
    }

    /// A section for each generated category page (its title and description), numbered as the
    /// index's pages from `firstPage` on.
    static func generatedSections(of site: Site, firstPage: Int) -> [SearchSection] {
        site.generatedIndexes.enumerated().map { offset, index in
            var section = SearchSection(page: firstPage + offset, heading: "", anchor: "", text: "", title: index.title)
            if let description = index.description { section.text = SearchSection.collapse(description) }
            return section
        }
    }

    /// Sections per task of `postings` at most: each task merges its own sections, so the serial
    /// merge handles a term once per chunk rather than once per section, and the per-section term
    /// sets never all exist at once.
    static let postingsChunk = 512

    /// Every term with its postings (`section * 16 + fields`), sections ascending, the terms of
    /// each chunk of `postingsChunk` sections tokenised on every core and joined in order as a
    /// build joins its batches (`SearchIndexBuild`).
    static func postings(of sections: [SearchSection]) -> [String: [Int]] {
        let chunks = (sections.count + postingsChunk - 1) / postingsChunk
        let tables = sections.withUnsafeBufferPointer { sections in
            // Read in place: a section taken out of the array was copied (four retains).
            nonisolated(unsafe) let sections = sections
            return concurrentMap(chunks) { chunk -> TermTable<PostingList> in
                var table = TermTable<PostingList>()
                let first = chunk * postingsChunk
                for id in first..<min(sections.count, first + postingsChunk) {
                    addTerms(of: sections[id], as: (id - first) << 4, to: &table)
                }
                return table
            }
        }
        var merged = TermTable<PostingList>()
        for (chunk, table) in tables.enumerated() { merged.append(table, from: chunk * postingsChunk) }
        var postings: [String: [Int]] = [:]
        postings.reserveCapacity(merged.count)
        merged.forEveryTerm { term, list in
            let values = decode(list.text)
            postings[term] = postings[term].map { merge($0, values) } ?? values
        }
        return postings
    }

    /// Two posting lists as one, sections ascending; a section in both has the fields of both.
    static func merge(_ first: [Int], _ second: [Int]) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(first.count + second.count)
        for value in (first + second).sorted() { merged.withPosting(value & ~15, value & 15) }
        return merged
    }

    /// Adds the terms of one section to `table`, each once with the fields it occurs in:
    /// `posting` is the section's `id << 4`; a term already seen in this section has its last
    /// posting's field bits widened in place. No stop-word lookup for a word longer than any.
    static func addTerms(of section: borrowing SearchSection, as posting: Int, to table: inout TermTable<PostingList>) {
        SearchTokenizer.forEachTerm(in: section.title) { table.add($0, posting: posting, field: Field.title) }
        SearchTokenizer.forEachTerm(in: section.heading) { table.add($0, posting: posting, field: Field.heading) }
        for keyword in section.keywords {
            SearchTokenizer.forEachTerm(in: keyword) { table.add($0, posting: posting, field: Field.keywords) }
        }
        // The tables in locals: a static is reached through `swift_once`, here once per word.
        let longest = longestStopWord
        let stopWords = stopWordTable
        SearchTokenizer.forEachTerm(in: section.text) { term in
            if term.count <= longest, isStopWord(term, in: stopWords) { return }
            table.add(term, posting: posting, field: Field.body)
        }
    }

    /// The length in bytes of the longest stop word (at most 7: `key(of:)`).
    static let longestStopWord = stopWords.map(\.utf8.count).max() ?? 0

    /// The stop words as `key(of:)` numbers in a 128-slot table (open addressing, 0 empty; no
    /// key is 0, its top byte being the length): a word of the text is checked with a multiply
    /// and a probe or two instead of a `String` made and hashed for it.
    static let stopWordTable: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 128)
        for word in stopWords {
            var word = word
            let wordKey = word.withUTF8 { SearchIndex.key(of: $0) }
            var slot = stopWordSlot(wordKey)
            while table[slot] != 0 { slot = (slot + 1) & 127 }
            table[slot] = wordKey
        }
        return table
    }()

    private static func stopWordSlot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 57)
    }

    /// True when `term` (at most 7 bytes) is a stop word.
    static func isStopWord(_ term: UnsafeBufferPointer<UInt8>) -> Bool { isStopWord(term, in: stopWordTable) }

    /// True when `term` (at most 7 bytes) is in `table` (`stopWordTable`).
    @inline(__always)
    static func isStopWord(_ term: UnsafeBufferPointer<UInt8>, in table: [UInt64]) -> Bool {
        let key = key(of: term)
        var slot = stopWordSlot(key)
        while true {
            let found = table[slot]
            if found == 0 { return false }
            if found == key { return true }
            slot = (slot + 1) & 127
        }
    }

    /// A term of at most 7 bytes as one number: its bytes, then its length in the top byte.
    /// Asked for most words of a site's text: a term of 4 to 7 bytes is read in two overlapping
    /// four-byte loads (their common bytes are the same), a shorter one byte by byte.
    @inline(__always)
    static func key(of term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = term.count
        precondition(count <= 7, "only terms of up to 7 bytes have a key")
        var key = UInt64(count) << 56
        guard let base = term.baseAddress else { return key }
        if count >= 4 {
            let raw = UnsafeRawPointer(base)
            key |= UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            key |=
                UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
                << (8 * (count - 4))
        } else {
            for offset in 0..<count { key |= UInt64(base[offset]) << (8 * offset) }
        }
        return key
    }

    /// A term's postings (`section * 16 + fields`, ascending) as text: for each, the gap from the
    /// previous section times 16 plus the fields, in base 32, most significant digit first. A
    /// common word in consecutive sections then costs one character per section.
    static func encode(_ postings: [Int]) -> String {
        var list = PostingList()
        for value in postings { list.append(value) }
        return list.text
    }

    /// The inverse of `encode` (docket.js does the same).
    static func decode(_ text: String) -> [Int] {
        var postings: [Int] = []
        var number = 0
        var section = 0
        for byte in text.utf8 {
            guard let digit = PostingList.digitValue(byte) else { continue }
            number = number << 5 | digit.value
            if digit.isFinal {
                section += number >> 4
                postings.append(section << 4 | number & 15)
                number = 0
            }
        }
        return postings
    }

    /// `transform` of 0..<count, computed on every core, in order.
    static func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 {
                nonisolated(unsafe) let slots = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (slots + index).initialize(to: transform(index))
                }
            }
            initialized = count
        }
    }

    /// A section of a text file, `[page,"heading","anchor","text"]`, written into a string of
    /// exactly its size: quoting each part into a string of its own, then joining them, made
    /// four strings and copied the text twice more, for every section of the site.
    static func fragmentEntry(_ section: borrowing SearchSection) -> String {
        var heading = section.heading
        var anchor = section.anchor
        var text = section.text
        let page = String(section.page)
        return heading.withUTF8 { heading in
            anchor.withUTF8 { anchor in
                text.withUTF8 { text in
                    let lengths = (
                        JSONStringLiteral.length(heading), JSONStringLiteral.length(anchor),
                        JSONStringLiteral.length(text)
                    )
                    let length = page.utf8.count + lengths.0 + lengths.1 + lengths.2 + 5
                    return String(unsafeUninitializedCapacity: length) { out in
                        var position = 0
                        func put(_ byte: UInt8) {
                            out[position] = byte
                            position += 1
                        }
                        put(UInt8(ascii: "["))
                        for digit in page.utf8 { put(digit) }
                        put(UInt8(ascii: ","))
                        position = JSONStringLiteral.write(heading, length: lengths.0, into: out, at: position)
                        put(UInt8(ascii: ","))
                        position = JSONStringLiteral.write(anchor, length: lengths.1, into: out, at: position)
                        put(UInt8(ascii: ","))
                        position = JSONStringLiteral.write(text, length: lengths.2, into: out, at: position)
                        put(UInt8(ascii: "]"))
                        return position
                    }
                }
            }
        }
    }
}
