import Foundation
import Testing

@testable import DocketMarkdown

/// `HTMLRenderer` against cmark-gfm's own HTML renderer, on the same parse. docket renders the
/// tree itself (heading anchors, code block wrappers, admonitions need it), so every construct
/// cmark-gfm parses must come out with the same meaning. The inputs are generated from a seeded
/// grammar of CommonMark and GFM constructs, thousands of documents per run, plus hand-picked
/// corner cases. The only differences allowed are the documented ones `Normalized` removes.
@Suite struct CmarkDifferentialTests {
    /// The documented differences, applied to both outputs before they are compared:
    ///
    /// - void elements are written `<br>`, `<hr>`, `<img …>` (HTML), not `<br />` (XHTML);
    /// - external links get `target="_blank" rel="noopener noreferrer"`, images `loading="lazy"`;
    /// - table cell alignment is a `style`, not the obsolete `align` attribute;
    /// - a code block is `<div class="code-block"><pre class="language-x"><code>` with a
    ///   `<span class="line">` per line (line highlights, numbers and the copy button need them),
    ///   and its `title="…"` is shown above it (cmark-gfm ignores the rest of the info string);
    /// - a task list item carries `class="task-list-item"` and a checkbox without `=""`;
    /// - link and image URLs are written as the author wrote them, HTML-escaped, where cmark-gfm
    ///   also percent-encodes them: both are compared percent-decoded.
    enum Normalized {
        static func ours(_ html: String) -> String {
            var out = html
            out = out.replacingOccurrences(of: " target=\"_blank\" rel=\"noopener noreferrer\"", with: "")
            out = out.replacingOccurrences(of: " loading=\"lazy\"", with: "")
            for side in ["left", "center", "right"] {
                out = out.replacingOccurrences(of: " style=\"text-align: \(side)\"", with: " align=\"\(side)\"")
            }
            out = out.replacingOccurrences(
                of: "<li class=\"task-list-item\"><input type=\"checkbox\" disabled checked> ",
                with: "<li><input type=\"checkbox\" checked disabled> ")
            out = out.replacingOccurrences(
                of: "<li class=\"task-list-item\"><input type=\"checkbox\" disabled> ",
                with: "<li><input type=\"checkbox\" disabled> ")
            out = out.replacingOccurrences(of: " class=\"contains-task-list\"", with: "")
            out = codeBlocks(out)
            return common(out)
        }

        static func reference(_ html: String) -> String {
            // Only the void elements cmark-gfm writes itself: a raw `<x />` of the author is
            // written as written by both renderers.
            var out = html.replacingOccurrences(of: "<br />", with: "<br>").replacingOccurrences(
                of: "<hr />", with: "<hr>")
            out = out.replacingOccurrences(of: #"(<img [^>]*?) />"#, with: "$1>", options: .regularExpression)
            out = out.replacingOccurrences(
                of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                with: "<input type=\"checkbox\" checked disabled>")
            out = out.replacingOccurrences(
                of: "<input type=\"checkbox\" disabled=\"\" />", with: "<input type=\"checkbox\" disabled>")
            // cmark-gfm puts the language on <code>; docket on <pre>, as the theme styles it.
            out = out.replacingOccurrences(of: "<pre><code class=\"language-", with: "<pre class=\"language-")
            return common(out)
        }

        /// `<div class="code-block"><pre …><code><span class="line">a\n</span>…</code></pre></div>`
        /// back to `<pre …><code>a\n…</code></pre>` (the language class is moved by `reference`).
        /// Only inside code blocks: a raw `</span>` of the author elsewhere stays.
        static func codeBlocks(_ html: String) -> String {
            var out = ""
            var rest = Substring(html)
            while let open = rest.range(of: "<div class=\"code-block\">"),
                let close = rest[open.upperBound...].range(of: "</code></pre></div>")
            {
                out += rest[..<open.lowerBound]
                out += codeBlock(String(rest[open.lowerBound..<close.upperBound]))
                rest = rest[close.upperBound...]
            }
            return out + rest
        }

        /// One code block's markup, normalised as `codeBlocks` says.
        private static func codeBlock(_ html: String) -> String {
            var out = html.replacingOccurrences(of: "<div class=\"code-block\">", with: "")
            out = out.replacingOccurrences(of: "</code></pre></div>", with: "</code></pre>")
            out = out.replacingOccurrences(of: "<div class=\"code-title\">t</div>", with: "")
            out = out.replacingOccurrences(of: "<span class=\"line\">", with: "")
            out = out.replacingOccurrences(of: "\n</span>", with: "\n")
            // reference: <pre class="language-x">a\n…</code></pre> after the class moved; ours has
            // <pre class="language-x"><code>: make them agree.
            out = out.replacingOccurrences(of: "\"><code>", with: "\">")
            return out
        }

        static func common(_ html: String) -> String {
            var out = html.replacingOccurrences(of: "<pre class=\"language-", with: "<pre data-lang=\"")
            out = out.replacingOccurrences(of: "\"><code>", with: "\">")
            out = percentDecodedURLs(out)
            return out
        }

        /// `href="…"` and `src="…"` values percent-decoded, so an encoding difference is not a
        /// difference of meaning.
        static func percentDecodedURLs(_ html: String) -> String {
            var out = ""
            var rest = Substring(html)
            while let range = rest.range(of: "href=\"") ?? rest.range(of: "src=\"") {
                out += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let value = String(rest[..<end])
                out += (value.removingPercentEncoding ?? value).replacingOccurrences(of: "\"", with: "&quot;")
                rest = rest[end...]
            }
            return out + rest
        }
    }

    /// The tree cmark-gfm parses, rendered by docket, with emoji off (cmark-gfm has none).
    static func ours(_ markdown: String) -> String {
        var renderer = HTMLRenderer()
        renderer.emoji = false
        return renderer.render(document: CmarkParser.parse(markdown, lineOffset: 0).root)
    }

    static func compare(_ markdown: String) -> (ours: String, reference: String)? {
        let ours = Normalized.ours(Self.ours(markdown))
        let reference = Normalized.reference(CmarkParser.referenceHTML(markdown))
        return ours == reference ? nil : (ours, reference)
    }

    /// Hand-picked corner cases: entities, escapes, raw HTML, nested containers, loose lists,
    /// link reference definitions, autolinks, footnote-free GFM extensions.
    static let corners: [String] = [
        "a &amp; b &copy; &#35; &#x22; &nbsp; < > \" '\n",
        "\\*not emphasis\\* \\_nor\\_ \\`code\\` \\\\ \\[x\\]\n",
        "<div>\n*raw*\n</div>\n\nafter\n",
        "text <span class=\"x\">inline *html*</span> end\n",
        "> quote\n> > nested\n>\n> - item\n>   more\n",
        "1. one\n\n2. two\n\n   para\n3. three\n",
        "7. seven\n8. eight\n",
        "- a\n  - b\n    - c\n- d\n",
        "- [ ] open\n- [x] done\n- plain\n",
        "[ref][r] and [r] and [missing]\n\n[r]: https://example.org/a?b=c&d=e \"T\"\n",
        "<https://example.org/x> and www.example.org and https://example.org/y.\n",
        "| a | b | c |\n|:--|:-:|--:|\n| 1 | `2` | **3** |\n| x |\n",
        "~~struck~~ and ~one~\n",
        "hard  \nbreak and\\\nbackslash break\n",
        "    indented code\n    <b>\n",
        "```\nfenced <b>&\n```\n",
        "```zz\nwith info\n```\n",
        "Setext\n======\n\nTwo\n---\n",
        "# ATX *em* `code`\n## H2 ##\n###### six\n",
        "***\n---\n___\n",
        "![alt *em*](/img.png \"title\") ![](<a b.png>)\n",
        "[link](</path with spaces> 'single') [link](/p?q=\"x\")\n",
        "**strong *nested em* strong** _a_b_ __c__\n",
        "line one\nline two\n",
        "`` code with ` tick ``\n",
        "[ünïcode](/ü?ä=ö#ß) ✓\n",
        "<!-- comment -->\n\n<?pi ?>\n",
    ]

    @Test(arguments: corners.indices)
    func cornerCase(_ index: Int) {
        let markdown = Self.corners[index]
        if let difference = Self.compare(markdown) {
            Issue.record("input:\n\(markdown)\ndocket:\n\(difference.ours)\ncmark-gfm:\n\(difference.reference)")
        }
    }

    /// 3,000 generated documents; the seed of a failing one is printed, so it can be replayed.
    @Test func generatedDocuments() {
        var failures = 0
        for seed in UInt64(1)...3000 {
            var generator = MarkdownGenerator(seed: seed)
            let markdown = generator.document()
            guard let difference = Self.compare(markdown) else { continue }
            failures += 1
            if failures <= 12 {
                Issue.record(
                    "seed \(seed), input:\n\(markdown)\ndocket:\n\(difference.ours)\ncmark-gfm:\n\(difference.reference)"
                )
            }
        }
        #expect(failures == 0, "\(failures) of 3000 generated documents render differently")
    }

    /// Pages parse in parallel; cmark-gfm keeps the inline extensions' special characters in one
    /// global table that each parse adds to and removes from (unless docket pinned them: see
    /// `specialCharactersArePinned`). Every page must still get its strikethrough and autolinks
    /// however the parses interleave.
    @Test func parallelParsesKeepInlineExtensions() {
        let markdown = (0..<40).map { "Line \($0) ~~gone~~ and https://example.org/\($0) here.\n" }.joined(
            separator: "\n")
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 400)
        results.initialize(repeating: false)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let html = Self.ours(markdown)
            slots[index] =
                html.components(separatedBy: "<del>").count == 41
                && html.components(separatedBy: "<a href=\"https://example.org/").count == 41
        }
        #expect(results.filter { !$0 }.count == 0, "parses that lost a strikethrough or an autolink")
    }

    /// On this platform cmark-gfm's adds and removes of the special characters reach docket's
    /// function, so they are pinned and pages finish without a lock. Were the library linked so
    /// that they did not, parses would fall back to the lock (correct, a tenth slower): this
    /// says so rather than let the build slow down unnoticed.
    @Test func specialCharactersArePinned() {
        _ = CmarkParser.parse("a\n", lineOffset: 0)
        guard case .pinned = CmarkParser.specialCharacters else {
            Issue.record("cmark-gfm's special characters are not pinned: \(CmarkParser.specialCharacters)")
            return
        }
    }

    /// The pinned special characters (`~`, `:`, `w`) end a run of text where the inline parser
    /// looks for an extension's match; where none matches, the pieces are joined again when the
    /// parse finishes: a paragraph of plain text full of them is still one text node.
    @Test func pinnedSpecialCharactersLeaveOneTextNode() throws {
        let text = "wow: we were away, with ~ and www and a:b, when one~ was"
        let root = CmarkParser.parse(text + "\n", lineOffset: 0).root
        let paragraph = try #require(root.children.first)
        #expect(paragraph.children.count == 1)
        guard case .text(let literal) = try #require(paragraph.children.first).kind else {
            Issue.record("expected one text node, got \(paragraph.children.map(\.kind))")
            return
        }
        #expect(literal == text)
    }

    /// The normalisation itself must not hide a difference: an emphasis dropped by docket would
    /// still differ.
    @Test func normalisationKeepsRealDifferences() {
        let reference = Normalized.reference(CmarkParser.referenceHTML("*a*\n"))
        #expect(reference == "<p><em>a</em></p>\n")
        #expect(Normalized.ours("<p>a</p>\n") != reference)
        #expect(Normalized.ours("<p><strong>a</strong></p>\n") != reference)
    }
}

/// A small seeded grammar of Markdown: blocks (paragraphs, headings, lists, quotes, code, tables,
/// HTML, breaks) holding inlines (emphasis, code, links, images, autolinks, escapes, entities).
struct MarkdownGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64: the same documents on every machine and run.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let words = [
        "alpha", "beta", "gamma", "x", "docket", "run", "a_b", "snake_case_name", "2", "ü", "✓", "foo*bar",
    ]

    mutating func inline(depth: Int = 0) -> String {
        let kind = depth > 2 ? 0 : below(14)
        switch kind {
        case 1: return "*\(inline(depth: depth + 1))*"
        case 2: return "**\(inline(depth: depth + 1))**"
        case 3: return "_\(pick(Self.words))_"
        case 4: return "`\(pick(["code", "a < b", "x`y", " spaced "]))`"
        case 5:
            return
                "[\(inline(depth: depth + 1))](\(pick(["/docs/a", "https://example.org/p?q=1&r=2", "#anchor", "<b c>", "../up.md"])))"
        case 6: return "![\(pick(Self.words))](\(pick(["/i.png", "i.png \"t\""])))"
        case 7: return pick(["<https://example.org>", "https://example.org/z", "www.example.org"])
        case 8: return pick(["\\*", "\\_", "\\<", "&amp;", "&lt;", "&#169;", "&nope;", "<", ">", "&", "\""])
        case 9: return "~~\(pick(Self.words))~~"
        case 10: return pick(["<kbd>K</kbd>", "<br>", "<span>s</span>"])
        default: return pick(Self.words)
        }
    }

    mutating func paragraph() -> String {
        var line = ""
        for index in 0..<(1 + below(6)) {
            if index > 0 { line += pick([" ", " ", " ", "\n", "  \n"]) }
            line += inline()
        }
        return line
    }

    mutating func block(depth: Int = 0) -> String {
        let kind = depth > 2 ? 0 : below(12)
        switch kind {
        case 1: return String(repeating: "#", count: 1 + below(6)) + " " + inline()
        case 2, 3:
            let ordered = below(2) == 0
            let start = pick([1, 1, 3])
            let loose = below(3) == 0
            var out = ""
            for index in 0..<(1 + below(4)) {
                let marker = ordered ? "\(start + index). " : pick(["- ", "* ", "- [ ] ", "- [x] "])
                let body = below(4) == 0 ? block(depth: depth + 1) : paragraph()
                let indent = String(repeating: " ", count: marker.count)
                out +=
                    marker
                    + body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                    .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : indent + $0.element }
                    .joined(separator: "\n") + "\n"
                if loose { out += "\n" }
            }
            return out
        case 4:
            return block(depth: depth + 1).split(separator: "\n", omittingEmptySubsequences: false)
                .map { "> " + $0 }.joined(separator: "\n")
        case 5:
            return "```" + pick(["", "zz", "zz title=\"t\""]) + "\n" + pick(["a\n  b", "<tag> & \"q\"", ""]) + "\n```"
        case 6: return "    " + pick(["indented", "a\n    b"])
        case 7:
            let columns = 1 + below(3)
            let header = (0..<columns).map { _ in inline() }.joined(separator: " | ")
            let rule = (0..<columns).map { _ in pick(["---", ":--", ":-:", "--:"]) }.joined(separator: " | ")
            let rows = (0..<below(3)).map { _ in (0..<columns).map { _ in inline() }.joined(separator: " | ") }
            return (["| \(header) |", "| \(rule) |"] + rows.map { "| \($0) |" }).joined(separator: "\n")
        case 8:
            return pick([
                "<div>\n\(inline())\n</div>", "<details>\n<summary>s</summary>\n\ntext\n\n</details>", "<!-- c -->",
            ])
        case 9: return pick(["***", "---", "___"])
        case 10: return inline() + "\n" + pick(["===", "---"])
        default: return paragraph()
        }
    }

    mutating func document() -> String {
        (0..<(1 + below(5))).map { _ in block() }.joined(separator: "\n\n") + "\n"
    }
}
