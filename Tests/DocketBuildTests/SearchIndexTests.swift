import DocketSite
import DocketTestSupport
import Foundation
import Synchronization
import Testing

@testable import DocketBuild
@testable import DocketTheme

/// The search data: what each heading section holds, where terms occur (the ranking bits), and
/// files that the browser can put back together.
@Suite struct SearchIndexTests {
    /// Loads a site made of `pages` (content-relative path → Markdown).
    func site(_ pages: [String: String], config: String = "title: T\n") throws -> Site {
        let root = Fixtures.temporaryDirectory("search")
        defer { try? FileManager.default.removeItem(at: root) }
        var files = ["docket.yml": config]
        for (path, text) in pages { files["content/" + path] = text }
        try Fixtures.write(files, under: root)
        var options = BuildOptions()
        options.root = root.path
        return try SiteLoader.load(options).site
    }

    static let guide = """
        ---
        title: Token guide
        keywords: [oidc, signing]
        description: How tokens are checked.
        ---

        # Token guide

        Intro paragraph about <span>tokens</span>.

        <div>raw html block words</div>

        ## Verify the JWT

        - list item mentions jwks
        - second item

        | header cell | other |
        |---|---|
        | table cell value | x |

        :::warning Clock skew
        Admonition body text.
        :::

        ```bash
        curl https://sso.example.com/jwks | jq .
        ```

        ### Troubleshooting

        "JWT verification failed" means the key is stale.
        """

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func sectionsFollowHeadingsAndHoldEveryKindOfBlock() throws {
        let page = try #require(try site(["guide.md": Self.guide]).pages.first)
        let sections = SearchSection.sections(
            of: page.parsed.document, page: 0, title: page.title,
            description: page.description, keywords: page.frontMatter.keywords)
        #expect(sections.map(\.heading) == ["", "Verify the JWT", "Troubleshooting"])
        #expect(sections.map(\.anchor) == ["", "verify-the-jwt", "troubleshooting"])
        #expect(sections[0].title == "Token guide" && sections[0].keywords == ["oidc", "signing"])
        #expect(
            sections[0].text == "How tokens are checked. Intro paragraph about tokens.",
            "the content title and raw HTML stay out")
        let body = sections[1].text
        for words in [
            "list item mentions jwks", "header cell", "table cell value", "Clock skew", "Admonition body text.",
            "curl https://sso.example.com/jwks | jq .",
        ] {
            #expect(body.contains(words), "\(words) missing from \(body)")
        }
        #expect(!body.contains("Verify the JWT"), "the heading is the section's label, not its text")
        #expect(sections[2].text == "\"JWT verification failed\" means the key is stale.")
        #expect(
            sections[1].title.isEmpty && sections[1].keywords.isEmpty,
            "title and keywords sit on the first section only")
    }

    @Test func fieldsRankTitleHeadingKeywordsBody() throws {
        let site = try site([
            "a.md": "---\ntitle: Alpha manual\n---\n\nNothing else.\n",
            "b.md": "---\ntitle: Bee\n---\n\n## Alpha heading\n\nText.\n",
            "c.md": "---\ntitle: Sea\nkeywords: [alpha]\n---\n\nText.\n",
            "d.md": "---\ntitle: Dee\n---\n\nThe alpha in a body.\n",
        ])
        let (pages, sections) = SearchIndex.collect(site)
        let postings = SearchIndex.postings(of: sections)
        let alpha = try #require(postings["alpha"])
        var bitsByPage: [String: Int] = [:]
        for value in alpha { bitsByPage[pages[sections[value >> 4].page].title] = value & 15 }
        #expect(
            bitsByPage == [
                "Alpha manual": SearchIndex.Field.title, "Bee": SearchIndex.Field.heading,
                "Sea": SearchIndex.Field.keywords, "Dee": SearchIndex.Field.body,
            ])
        #expect(
            SearchIndex.Field.title > SearchIndex.Field.heading
                && SearchIndex.Field.heading > SearchIndex.Field.keywords
                && SearchIndex.Field.keywords > SearchIndex.Field.body)
        #expect(alpha == alpha.sorted(), "postings ascend, so the files can store differences")
    }

    @Test func filesPutBackTogetherGiveEverySectionOfATerm() throws {
        // Enough pages for several term and text files.
        var pages: [String: String] = ["guide.md": Self.guide]
        for n in 0..<120 {
            let words = (0..<400).map { "w\(n)x\($0)" }.joined(separator: " ")
            pages["p\(n).md"] = "---\ntitle: Page \(n)\n---\n\n\(words)\n\n## Part \(n)\n\nshared jwt \(words)\n"
        }
        let site = try site(pages)
        let files = SearchIndex.files(site)
        let byPath = Dictionary(files.map { ($0.path, $0.content) }, uniquingKeysWith: { a, _ in a })
        let headText = try #require(byPath["search-index.json"])
        let head = try #require(try json(headText) as? [String: Any])
        #expect(head["v"] as? Int == 2)
        let shards = try #require(head["shards"] as? [String: Int])
        let fragments = try #require(head["fragments"] as? [Int])
        let headPages = try #require(head["pages"] as? [[String: String]])
        #expect(headPages.count == 121)
        #expect(Set(shards.values).count > 1 && fragments.count > 1, "a large site is split")
        #expect(fragments.first == 0 && fragments == fragments.sorted())

        // Look "jwt" up as docket.js does: the term files whose keys start it or start with it,
        // then the text files.
        var terms: [String: String] = [:]
        for (key, shard) in shards where "jwt".hasPrefix(key) || key.hasPrefix("jwt") {
            let termText = try #require(byPath["search/t\(shard).json"])
            let file = try #require(try json(termText) as? [String: String])
            terms.merge(file) { a, _ in a }
        }
        var found: [(page: String, heading: String)] = []
        let jwt = try #require(terms["jwt"])
        for value in SearchIndex.decode(jwt) {
            let section = value >> 4
            let file = fragments.lastIndex { $0 <= section }!
            let rowText = try #require(byPath["search/f\(file).json"])
            let rows = try #require(try json(rowText) as? [[Any]])
            let row = rows[section - fragments[file]]
            found.append((headPages[row[0] as! Int]["t"]!, row[1] as! String))
        }
        #expect(found.count == 122, "120 generated sections and the guide's two")
        #expect(found.contains { $0 == ("Token guide", "Verify the JWT") })
        #expect(found.contains { $0 == ("Page 7", "Part 7") })
        for file in files where file.path.hasPrefix("search/") {
            #expect(
                file.content.utf8.count < 2 * SearchIndex.shardBytes, "\(file.path) is \(file.content.utf8.count) bytes"
            )
        }
        #expect(
            shards.keys.contains { $0.unicodeScalars.count > 2 },
            "large two-letter groups are split: \(shards.keys.sorted())")
    }

    /// A large site's sections are made a batch of pages at a time; the files must not depend on
    /// where the batches end (section ids, fragment starts and postings run on across them).
    @Test func filesDoNotDependOnTheBatchSize() throws {
        var pages: [String: String] = [:]
        for number in 1...7 {
            pages["part/p\(number).md"] =
                "# Page \(number)\n\nShared words and token\(number).\n\n## Step \(number)\n\nMore shared text.\n"
        }
        pages["part/_category_.yml"] = "label: Part\nlink:\n  type: generated-index\n  description: All the parts\n"
        let site = try site(pages)
        var whole: [String: String] = [:]
        SearchIndex.write(site, pagesPerBatch: 100) { whole[$0] = $1 }
        #expect(whole.count >= 3)
        #expect(whole["search-index.json"]?.contains("\"sections\":15") == true)
        for batch in [1, 2, 3] {
            var files: [String: String] = [:]
            SearchIndex.write(site, pagesPerBatch: batch) { files[$0] = $1 }
            #expect(files == whole, "batches of \(batch) pages")
        }
        #expect(Dictionary(uniqueKeysWithValues: SearchIndex.files(site).map { ($0.path, $0.content) }) == whole)
    }

    /// A build runs the batches on its render threads, in whatever order they finish: the files
    /// must be those of batches run in order, and each written once.
    @Test func filesDoNotDependOnTheOrderBatchesRun() throws {
        var pages: [String: String] = [:]
        for number in 1...9 {
            pages["part/p\(number).md"] =
                "# Page \(number)\n\nShared words, café and token\(number).\n\n## Step \(number)\n\nMore shared text \(String(repeating: "filler ", count: 400 * number)).\n"
        }
        pages["part/_category_.yml"] = "label: Part\nlink:\n  type: generated-index\n  description: All the parts\n"
        let site = try site(pages)
        var whole: [String: String] = [:]
        SearchIndex.write(site, pagesPerBatch: 100) { whole[$0] = $1 }
        #expect(whole.keys.filter { $0.hasPrefix("search/f") }.count >= 2, "several text files: \(whole.keys.sorted())")

        let reversed = SearchIndexBuild<Never>(site, pagesPerBatch: 2)
        var files: [String: String] = [:]
        var writes = 0
        for batch in (0..<reversed.batchCount).reversed() {
            reversed.run(batch: batch) { path, content in
                files[path] = content
                writes += 1
            }
            if batch > 0 { #expect(files.isEmpty, "nothing is written before batch 0 is joined") }
        }
        #expect(reversed.wait() == nil)
        #expect(files == whole)
        #expect(writes == whole.count, "each file once")

        for round in 0..<20 {
            let build = SearchIndexBuild<Never>(site, pagesPerBatch: 1)
            let written = Mutex<[String: String]>([:])
            let order = (0..<build.batchCount).shuffled()
            DispatchQueue.concurrentPerform(iterations: order.count) { index in
                build.run(batch: order[index]) { path, content in
                    written.withLock { #expect($0.updateValue(content, forKey: path) == nil, "\(path) written twice") }
                }
            }
            #expect(build.wait() == nil)
            #expect(written.withLock { $0 } == whole, "round \(round), order \(order)")
        }
    }

    /// A file that cannot be written stops the index: the failure is what `wait` returns, and
    /// no file is written after it.
    @Test func aFailedWriteStopsTheIndex() throws {
        struct Full: Error, Equatable {}
        var pages: [String: String] = [:]
        for number in 1...6 {
            pages["p\(number).md"] = "# Page \(number)\n\n\(String(repeating: "word\(number) ", count: 4_000))\n"
        }
        let site = try site(pages)
        let build = SearchIndexBuild<Full>(site, pagesPerBatch: 1)
        var attempts: [String] = []
        for batch in 0..<build.batchCount {
            build.run(batch: batch) { path, _ throws(Full) in
                attempts.append(path)
                if attempts.count == 2 { throw Full() }
            }
        }
        #expect(build.wait() == Full())
        #expect(attempts.count == 2, "\(attempts)")
        #expect(!attempts.contains("search-index.json"))
        #expect(throws: Full.self) {
            try SearchIndex.write(site) { path, _ throws(Full) in if path.hasPrefix("search/t") { throw Full() } }
        }
    }

    /// The search batches go among the pages of the render stage: every page and batch once,
    /// each kind in order, the last batch before the last fifth of the pages.
    @Test func searchBatchesAreSpreadOverTheFirstPages() {
        for (pages, batches) in [(1_000, 17), (3, 5), (0, 2), (1, 1), (64, 2)] {
            let work = PageWork.interleaved(pages: pages, searchBatches: batches)
            let pageOrder = work.compactMap { if case .page(let page) = $0 { page } else { nil } }
            let batchOrder = work.compactMap { if case .searchBatch(let batch) = $0 { batch } else { nil } }
            #expect(pageOrder == Array(0..<pages), "\(pages) pages, \(batches) batches")
            #expect(batchOrder == Array(0..<batches), "\(pages) pages, \(batches) batches")
            let last = work.firstIndex(of: .searchBatch(batches - 1)) ?? 0
            #expect(
                last - (batches - 1) <= pages * 4 / 5,
                "the last batch comes after page \(last - batches + 1) of \(pages)")
        }
        let work = PageWork.interleaved(pages: 1_000, searchBatches: 17)
        // Batch 8 of 17 goes before page 800 * 8 / 17 (376), after the eight batches before it.
        #expect(work.firstIndex(of: .searchBatch(8)) == 376 + 8, "batches evenly spaced")
    }

    @Test func postingDigitsAreTheAlphabetsDecodeReads() {
        for value in 0..<32 {
            #expect(PostingList.finalDigit(value) == SearchIndex.final[value], "final digit \(value)")
            #expect(PostingList.leadingDigit(value) == SearchIndex.leading[value], "leading digit \(value)")
        }
    }

    @Test func postingsEncodeCompactlyAndDecodeBack() {
        let postings = [0 << 4 | 8, 1 << 4 | 1, 2 << 4 | 1, 3 << 4 | 5, 40 << 4 | 1, 100_000 << 4 | 15]
        let text = SearchIndex.encode(postings)
        #expect(SearchIndex.decode(text) == postings)
        #expect(text.hasPrefix("8hh"), "consecutive sections cost one character each: \(text)")
        #expect(!text.contains("\"") && !text.contains("\\"))
        #expect(SearchIndex.encode([]).isEmpty && SearchIndex.decode("").isEmpty)
        #expect(SearchIndex.decode("?!") == [], "unknown characters are skipped")
    }

    @Test func commonWordsCountOnlyInTitlesHeadingsAndKeywords() throws {
        let site = try site([
            "a.md": "---\ntitle: The manual\n---\n\nThe body and the rest.\n",
            "b.md": "---\ntitle: Other\n---\n\nThe body again.\n",
        ])
        let (_, sections) = SearchIndex.collect(site)
        let postings = SearchIndex.postings(of: sections)
        #expect(postings["the"]?.map { $0 & 15 } == [SearchIndex.Field.title], "\(postings["the"] ?? [])")
        #expect(postings["body"]?.count == 2)
        #expect(postings["and"] == nil && postings["rest"] != nil)
    }

    @Test func unlistedPagesAreLeftOutAndCategoryPagesIn() throws {
        let site = try site([
            "guides/_category_.yml": "label: Guides\nlink:\n  type: generated-index\n  description: Every guide.\n",
            "guides/a.md": "---\ntitle: Listed\n---\n\nVisible words.\n",
            "secret.md": "---\ntitle: Hidden\nunlisted: true\n---\n\nSecret words.\n",
        ])
        let (pages, sections) = SearchIndex.collect(site)
        #expect(pages.map(\.title).sorted() == ["Guides", "Listed"])
        #expect(!sections.contains { $0.text.contains("Secret") })
        #expect(sections.contains { $0.title == "Guides" && $0.text == "Every guide." })
    }

    @Test func textThatNeedsEscapingStaysValidJSON() throws {
        let nasty = "Quote \" backslash \\ tab\tline\u{2028}sep \u{1} and </script>"
        let site = try site([
            "x.md": "---\ntitle: \"Odd \\\" title\"\n---\n\n## Head \\\\ ing\n\n```text\n\(nasty)\n```\n"
        ])
        for file in SearchIndex.files(site) {
            #expect((try? json(file.content)) != nil, "\(file.path) is not JSON: \(file.content)")
        }
        let fragment = try #require(SearchIndex.files(site).first { $0.path == "search/f0.json" })
        let rows = try #require(try json(fragment.content) as? [[Any]])
        #expect((rows.last?[3] as? String)?.contains("Quote \" backslash \\ tab line") == true, "\(rows)")
    }

    @Test func tokenizerSplitsLikeTheBrowser() {
        #expect(SearchTokenizer.terms(of: "AUTH_JWT_PUBLIC_KEY") == ["auth", "jwt", "public", "key"])
        #expect(
            SearchTokenizer.terms(of: "“JWT” verification, JWT again; a b 42") == [
                "jwt", "verification", "again", "42",
            ])
        #expect(
            SearchTokenizer.terms(of: "Überprüfung der Signatur — naïve café") == [
                "überprüfung", "der", "signatur", "naïve", "café",
            ])
        #expect(SearchTokenizer.terms(of: "x.y-z/ü").isEmpty, "one-letter words are not stored")
        #expect(SearchTokenizer.terms(of: "").isEmpty)
    }

    @Test func aPageWithoutWordsGivesAnIndexWithoutTerms() throws {
        let site = try site(["blank.md": "---\ntitle: B\n---\n"])
        let files = SearchIndex.files(site)
        let head = try #require(try json(files[0].content) as? [String: Any])
        #expect(files[0].path == "search-index.json")
        #expect((head["sections"] as? Int) == 1)
        #expect((head["shards"] as? [String: Int])?.isEmpty == true, "a one-letter title is no term")
        #expect(files.map(\.path) == ["search-index.json", "search/f0.json"])
    }
}
