import DocketMarkdown
import Foundation
import Testing

@testable import DocketSite
@testable import DocketTheme

/// The byte-level pieces of the search index: the term table that replaced a `[String: [Int]]`,
/// the JSON quoting and the whitespace collapsing, each held to a plain oracle.
@Suite struct SearchTextTests {
    /// The postings of `words` (section, field, term) made with a `[String: [Int]]`, as before.
    static func oracle(_ words: [(section: Int, field: Int, term: String)]) -> [String: [Int]] {
        var postings: [String: [Int]] = [:]
        for word in words { postings[word.term, default: []].withPosting(word.section << 4, word.field) }
        return postings
    }

    static func table(_ words: [(section: Int, field: Int, term: String)]) -> [String: [Int]] {
        var table = TermTable<PostingList>()
        for word in words {
            var term = word.term
            term.withUTF8 { table.add($0, posting: word.section << 4, field: word.field) }
        }
        var out: [String: [Int]] = [:]
        table.forEveryTerm { term, list in
            #expect(out[term] == nil, "\(term) handed over twice")
            out[term] = SearchIndex.decode(list.text)
        }
        #expect(table.count == out.count)
        return out
    }

    @Test func theTableGivesTheSamePostingsAsADictionaryThroughManyGrowths() {
        var generator = SystemRandomNumberGenerator()
        var words: [(section: Int, field: Int, term: String)] = []
        // 30,000 distinct terms (the table starts with 1,024 slots), repeats in and across sections,
        // terms that are prefixes of others, non-ASCII and empty.
        for section in 0..<300 {
            for n in 0..<120 {
                let field = [1, 2, 4, 8][Int.random(in: 0..<4, using: &generator)]
                words.append((section, field, "t\(section * 100 + n)"))
                words.append((section, field, "t\(Int.random(in: 0..<30_000, using: &generator))"))
            }
            // Words that share their first eight or sixteen bytes (a hashed word) and differ after.
            words.append((section, 2, "eightbyt\(section % 7)"))
            words.append((section, 1, "sixteen-bytes-ab\(section % 9)x"))
            words.append((section, 1, "über"))
            words.append((section, 8, "üb"))
            words.append((section, 1, ""))
        }
        #expect(Self.table(words) == Self.oracle(words))
    }

    /// A term is compared to the stored one only when their hashes agree, so a wrong comparison
    /// would show only on a collision: compared here directly, at every length up to past the
    /// loads' sizes, with the stored term's bytes changed one at a time at every position.
    @Test func termsAreComparedByEveryByte() {
        var table = TermTable<PostingList>()
        var stored: [[UInt8]] = []
        for length in 0...40 {
            let term = (0..<length).map { UInt8(truncatingIfNeeded: 0x61 + ($0 * 7) % 26) }
            term.withUnsafeBufferPointer { table.add($0, posting: 0, field: 1) }
            stored.append(term)
        }
        #expect(table.count == stored.count)
        for (number, term) in stored.enumerated() {
            #expect(term.withUnsafeBufferPointer { table.equals(number, $0) }, "length \(term.count)")
            for position in term.indices {
                var other = term
                other[position] ^= 0x20
                #expect(
                    !other.withUnsafeBufferPointer { table.equals(number, $0) },
                    "length \(term.count), byte \(position)")
            }
            var longer = term
            longer.append(0x61)
            #expect(!longer.withUnsafeBufferPointer { table.equals(number, $0) }, "length \(term.count) + 1")
        }
    }

    @Test func aStopWordKeyIsTheTermsBytesThenItsLength() {
        var state: UInt64 = 5
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bytes = (0..<Int((state >> 33) % 8)).map { index in UInt8(truncatingIfNeeded: state >> (index * 7)) }
            var expected = UInt64(bytes.count) << 56
            for (offset, byte) in bytes.enumerated() { expected |= UInt64(byte) << (8 * offset) }
            #expect(bytes.withUnsafeBufferPointer { SearchIndex.key(of: $0) } == expected, "\(bytes)")
        }
        for word in SearchIndex.stopWords {
            var word = word
            #expect(word.withUTF8 { SearchIndex.isStopWord($0) }, "\(word)")
        }
        for word in ["th", "thee", "your_", "withx", "whic"] {
            var word = word
            #expect(!word.withUTF8 { SearchIndex.isStopWord($0) }, "\(word)")
        }
    }

    @Test func theCollectorIsEachBlocksPlainTextCollapsedAndJoined() {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let texts = [
            "", " ", "a", " lead", "trail \t", "x\n\ny", "é  ü", "\u{A0}nbsp\u{A0}", "\r\n", "two  words ",
            "one two three",
            "a b", "x \ty", "end ",
        ]
        func inline(_ depth: Int) -> MarkdownNode {
            switch next(depth > 2 ? 6 : 8) {
            case 0, 1: return MarkdownNode(.text(texts[next(texts.count)]))
            case 2: return MarkdownNode(.code(texts[next(texts.count)]))
            case 3: return MarkdownNode(.softBreak)
            case 4: return MarkdownNode(.lineBreak)
            case 5: return MarkdownNode(.htmlInline("<b> x </b>"))
            case 6: return MarkdownNode(.emphasis, children: (0..<next(4)).map { _ in inline(depth + 1) })
            default: return MarkdownNode(.strong, children: (0..<next(4)).map { _ in inline(depth + 1) })
            }
        }
        func block(_ depth: Int) -> MarkdownNode {
            switch next(depth > 1 ? 4 : 7) {
            case 0, 1: return MarkdownNode(.paragraph, children: (0..<next(5)).map { _ in inline(0) })
            case 2: return MarkdownNode(.codeBlock(literal: texts[next(texts.count)], info: CodeBlockInfo("sh")))
            case 3: return MarkdownNode(.htmlBlock("<div> hidden </div>"))
            case 4: return MarkdownNode(.blockQuote, children: (0..<next(3)).map { _ in block(depth + 1) })
            case 5:
                let items = (0..<next(3)).map { _ in
                    MarkdownNode(.item(task: nil), children: (0..<next(3)).map { _ in block(depth + 1) })
                }
                return MarkdownNode(.list(ordered: false, start: 1, tight: true), children: items)
            default:
                let cells = (0..<next(3)).map { _ in MarkdownNode(.tableCell, children: [inline(0)]) }
                return MarkdownNode(
                    .table(alignments: []), children: [MarkdownNode(.tableRow(isHeader: true), children: cells)])
            }
        }
        // The reading it replaced: each block's plain text, collapsed, the non-empty ones joined.
        func pieces(_ node: MarkdownNode) -> [String] {
            switch node.kind {
            case .paragraph, .heading, .tableCell, .directiveTitle: return [SearchSection.collapse(node.plainText)]
            case .codeBlock(let literal, _): return [SearchSection.collapse(literal)]
            case .htmlBlock, .thematicBreak: return []
            default: return node.children.flatMap(pieces)
            }
        }
        for _ in 0..<2_000 {
            let blocks = (0..<next(5)).map { _ in block(0) }
            let description = next(3) == 0 ? texts[next(texts.count)] : nil
            var collector = SearchSection.TextCollector()
            if let description { collector.add(description) }
            blocks.withUnsafeBufferPointer { blocks in for index in blocks.indices { collector.addBlock(blocks, index) }
            }
            let expected =
                ((description.map { [SearchSection.collapse($0)] } ?? []) + blocks.flatMap(pieces))
                .filter { !$0.isEmpty }.joined(separator: " ")
            let found = collector.finish()
            #expect(found == expected)
            if found != expected { break }
            // A finished collector starts over.
            collector.add(" again ")
            #expect(collector.finish() == "again")
        }
    }

    @Test func chunkTablesMergedInOrderAreOneTable() {
        var generator = SystemRandomNumberGenerator()
        var words: [(section: Int, field: Int, term: String)] = []
        for section in 0..<400 {
            for _ in 0..<30 {
                let field = [1, 2, 4, 8][Int.random(in: 0..<4, using: &generator)]
                words.append((section, field, "w\(Int.random(in: 0..<5_000, using: &generator))"))
            }
        }
        // Chunks of 37 sections, each its own table numbering its sections from 0, merged in
        // order; and one table of every word.
        var merged = TermTable<PostingList>()
        var whole = TermTable<PostingList>()
        for chunkStart in stride(from: 0, to: 400, by: 37) {
            var chunk = TermTable<PostingList>()
            for word in words where (chunkStart..<chunkStart + 37).contains(word.section) {
                var term = word.term
                term.withUTF8 {
                    chunk.add($0, posting: (word.section - chunkStart) << 4, field: word.field)
                    whole.add($0, posting: word.section << 4, field: word.field)
                }
            }
            merged.append(chunk, from: chunkStart)
        }
        let oracle = Self.oracle(words)
        var texts: [String: String] = [:]
        merged.forEveryTerm { term, list in texts[term] = list.text }
        #expect(texts == oracle.mapValues(SearchIndex.encode))
        var wholeTexts: [String: String] = [:]
        whole.forEveryTerm { term, list in wholeTexts[term] = list.text }
        #expect(wholeTexts == texts, "merged chunks are byte for byte the table made at once")
    }

    @Test func aPostingListWidensItsLastPostingAndJoinsAnother() {
        // Gaps and fields that need one, two and three digits, a section widened by every field,
        // and lists joined at each point.
        var values: [Int] = []
        var section = 0
        for step in [0, 1, 1, 2, 30, 31, 32, 700, 1, 40_000, 3] {
            section += step
            values.append(section << 4 | [1, 2, 4, 8, 15, 3][values.count % 6])
        }
        for cut in 0...values.count {
            var first = PostingList()
            var second = PostingList()
            for value in values[..<cut] { first.add(posting: value & ~15, field: value & 15) }
            for value in values[cut...] {
                // The fields one at a time: the last posting widened.
                for field in [1, 2, 4, 8] where value & field != 0 { second.add(posting: value & ~15, field: field) }
            }
            first.append(contentsOf: second)
            #expect(SearchIndex.decode(first.text) == values, "joined after \(cut)")
            #expect(first.text == SearchIndex.encode(values))
            #expect(first.last == values.last ?? 0)
        }
    }

    @Test func twoSpellingsOfOneWordKeepTheirPostings() {
        // Composed and decomposed "é" are different bytes but one `String` key: neither spelling's
        // sections may be lost when the table is handed over.
        let sections = [
            SearchSection(page: 0, heading: "", anchor: "a", text: "caf\u{E9} one", title: ""),
            SearchSection(page: 0, heading: "", anchor: "b", text: "cafe\u{301} two", title: ""),
            SearchSection(page: 1, heading: "Caf\u{E9}", anchor: "c", text: "three", title: ""),
        ]
        let postings = SearchIndex.postings(of: sections)
        #expect(postings["caf\u{E9}"] == [0 << 4 | 1, 1 << 4 | 1, 2 << 4 | 4])
        #expect(
            SearchIndex.merge([1 << 4 | 1, 3 << 4 | 2], [1 << 4 | 8, 2 << 4 | 1]) == [
                1 << 4 | 9, 2 << 4 | 1, 3 << 4 | 2,
            ])
    }

    @Test func aTermAlreadyInTheSectionWidensItsFields() {
        let words: [(section: Int, field: Int, term: String)] = [
            (0, 1, "jwt"), (0, 8, "jwt"), (0, 4, "jwt"), (1, 1, "jwt"), (3, 2, "jwt"), (3, 2, "key"),
        ]
        #expect(Self.table(words) == ["jwt": [0 << 4 | 13, 1 << 4 | 1, 3 << 4 | 2], "key": [3 << 4 | 2]])
    }

    @Test func stopWordsAreFoundByTheirKeysAndNothingElseIs() {
        func isStop(_ word: String) -> Bool {
            var word = word
            return word.withUTF8 { SearchIndex.isStopWord($0) }
        }
        for word in SearchIndex.stopWords {
            #expect(word.utf8.count <= 7, "\(word) is too long for a key")
            #expect(isStop(word), "\(word)")
            for near in [word + "x", "x" + word, String(word.dropLast())] where !SearchIndex.stopWords.contains(near) {
                #expect(!isStop(near), "\(near) is not a stop word")
            }
        }
        for word in ["", "b", "th", "thee", "wit", "withs", "yours", "ünd", "theirs"] {
            #expect(!isStop(word), "\(word) is not a stop word")
        }
    }

    @Test func quotingMatchesJSONSerializationAndEscapesLineSeparators() throws {
        let samples = [
            "", "plain", "quote \" and backslash \\", "tab\tnewline\nreturn\r", "\u{1}\u{1F}\u{7F}",
            "line\u{2028}para\u{2029}end", "\u{2027}\u{2030}“typographic” — dash", "ends with \u{2028}",
            "emoji 🙂 and ü", "</script>", String(repeating: "a\"", count: 500),
        ]
        for text in samples {
            let literal = JSONStringLiteral.quoted(text)
            let back = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
            #expect(back == [text], "\(literal)")
            #expect(!literal.contains("\u{2028}") && !literal.contains("\u{2029}"))
        }
        #expect(JSONStringLiteral.quoted("a\u{2028}b\u{2029}") == "\"a\\u2028b\\u2029\"")
        #expect(JSONStringLiteral.quoted("\u{1}") == "\"\\u0001\"")
        #expect(JSONStringLiteral.quoted("/") == "\"/\"", "slashes stay as written")
    }

    @Test func aFragmentEntryIsItsPartsQuotedInOneArray() throws {
        let samples = [
            "", "plain", "quote \" and backslash \\", "tab\tnewline\nreturn\r", "\u{1}\u{1F}\u{7F}",
            "line\u{2028}para\u{2029}end", "emoji 🙂 and ü", String(repeating: "a\"", count: 500),
        ]
        for (index, text) in samples.enumerated() {
            let heading = samples[(index + 1) % samples.count]
            let anchor = samples[(index + 3) % samples.count]
            for page in [0, 7, 12_345] {
                let section = SearchSection(page: page, heading: heading, anchor: anchor, text: text)
                let entry = SearchIndex.fragmentEntry(section)
                #expect(
                    entry
                        == "[\(page),\(JSONStringLiteral.quoted(heading)),\(JSONStringLiteral.quoted(anchor)),\(JSONStringLiteral.quoted(text))]"
                )
                let back = try #require(try JSONSerialization.jsonObject(with: Data(entry.utf8)) as? [Any])
                #expect(back.count == 4 && back[0] as? Int == page)
                #expect(back[1] as? String == heading && back[2] as? String == anchor && back[3] as? String == text)
            }
        }
    }

    /// The eight-bytes-at-a-time scan against a byte-by-byte one: every byte that needs care, at
    /// every offset of a word, among plain ASCII and multi-byte letters.
    @Test func plainRunsStopAtTheFirstByteThatNeedsCare() throws {
        func naive(_ bytes: [UInt8], from start: Int) -> Int {
            var index = start
            while index < bytes.count, bytes[index] >= 0x20, ![0x22, 0x5C, 0xE2].contains(bytes[index]) { index += 1 }
            return index - start
        }
        let fillers: [[UInt8]] = [
            Array("abcdefghijklmnopqrstu".utf8), Array("é日本ü€🙂xyz!~".utf8),
            [0x7F, 0x80, 0xE1, 0xE3, 0x21, 0x23, 0x5B, 0x5D, 0xFF, 0x1F + 1],
        ]
        for filler in fillers {
            for special: UInt8 in [0x00, 0x01, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0xE2] {
                for position in 0..<20 {
                    var bytes = Array((filler + filler)[0..<20])
                    bytes[position] = special
                    for start in 0...position {
                        let run = bytes.withUnsafeBufferPointer { JSONStringLiteral.plainRun($0, from: start) }
                        #expect(run == naive(bytes, from: start), "\(special) at \(position) from \(start)")
                    }
                }
            }
            let clean = filler.withUnsafeBufferPointer { JSONStringLiteral.plainRun($0, from: 0) }
            #expect(clean == naive(filler, from: 0))
        }
        #expect([UInt8]().withUnsafeBufferPointer { JSONStringLiteral.plainRun($0, from: 0) } == 0)
    }

    /// The tokenizer against the rule written over scalars: lower-cased runs of ASCII letters and
    /// digits and other letters, marks and numbers, two scalars or longer, on random text.
    @Test func termsFollowTheRuleOnRandomText() {
        func rule(_ text: String) -> [String] {
            var terms: [String] = []
            var run = String.UnicodeScalarView()
            func flush() {
                if run.count >= 2 { terms.append(String(run).lowercased()) }
                run = String.UnicodeScalarView()
            }
            for scalar in text.unicodeScalars {
                let word =
                    scalar.isASCII
                    ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                    : SearchTokenizer.isWordScalar(scalar)
                if word { run.append(scalar) } else { flush() }
            }
            flush()
            return terms
        }
        let pieces = [
            "a", "Z", "q", "7", "JWT", "key", " ", ".", "_", "-", "é", "É", "ß", "İ", "日本", "e\u{301}", "🙂", "—",
            "Ω", "٣", "\n", "ǅ",
        ]
        var state: UInt64 = 3
        for _ in 0..<3_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int((state >> 33) % 14) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            var found: [String] = []
            SearchTokenizer.forEachTerm(in: text) { found.append(String(decoding: $0, as: UTF8.self)) }
            #expect(found == rule(text), "\(text.debugDescription)")
        }
    }

    @Test func collapsingJoinsWhitespaceRunsAndTrimsTheEnds() {
        #expect(SearchSection.collapse("  a \t\n b\r\n\u{0B}\u{0C}c  ") == "a b c")
        #expect(SearchSection.collapse(" \n\t ").isEmpty)
        #expect(SearchSection.collapse("ü\u{A0}ü") == "ü\u{A0}ü", "only ASCII whitespace collapses")
        #expect(SearchSection.collapse("") == "")
    }
}
