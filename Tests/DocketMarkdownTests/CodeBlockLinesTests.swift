import DocketTestSupport
import Testing

@testable import DocketMarkdown

/// A code block's lines are split as bytes, and its magic comments are looked for only when its
/// text holds `highlight-`: both must give what the Character split and `CodeHighlights` give.
@Suite struct CodeBlockLinesTests {
    @Test func theByteSplitGivesTheCharacterLines() {
        let pieces = ["\n", "a", "\u{301}", "é", "\r", " ", "\r\n", "👍🏽"]
        let texts = Fixtures.texts(of: pieces, upTo: 4)
        for text in texts {
            #expect(
                HTMLRenderer.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false),
                "\(Array(text.unicodeScalars))")
        }
    }

    @Test func theCountedLinesAreTheSplitLines() {
        // Counted only without CR and magic comments; otherwise nil (the lines are split).
        let pieces = ["\n", "a", "\u{301}", "é", "\r", "\r\n", "highlight-", "\n\n"]
        for text in Fixtures.texts(of: pieces, upTo: 4) {
            var lines = HTMLRenderer.lines(of: text)
            if lines.last == "" { lines.removeLast() }
            let counted = HTMLRenderer.plainLineCount(of: text)
            if text.utf8.contains(13) || HTMLRenderer.holds("highlight-", in: text) {
                #expect(counted == nil, "\(Array(text.unicodeScalars))")
            } else {
                #expect(counted == lines.count, "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func highlightingOnlyAddsTokenSpansToThePlainLines() throws {
        // Every text of up to three pieces (CRLF, lone CR, combining marks, a last empty line),
        // in a language the highlighter knows and in one it does not: with the token spans taken
        // out, the two blocks are the same, line wrappers and escaping included.
        let pieces = ["\n", "a", "\u{301}", "é", "\r", " ", "\r\n", "<&\"", "// c", "'s'"]
        let texts = Fixtures.texts(of: pieces, upTo: 3)
        // A line's own `</span>` follows its newline; a token's never does. On bytes: a combining
        // mark after a tag's `>` would join it as one Character.
        func withoutTokens(_ html: String) -> String {
            let bytes = Array(html.utf8)
            let open = Array("<span class=\"tok-".utf8)
            let close = Array("</span>".utf8)
            var out: [UInt8] = []
            var index = 0
            while index < bytes.count {
                if bytes[index...].starts(with: open), let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
                    index = end + 1
                } else if bytes[index...].starts(with: close), index == 0 || bytes[index - 1] != 0x0A {
                    index += close.count
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        for text in texts {
            for info in ["", " showLineNumbers", " {1}"] {
                let render = { (language: String) in
                    HTMLRenderer().render(
                        document: MarkdownDocument.parse("```\(language)\(info)\n\(text)\n```\n", path: "a.md").root)
                }
                let colored = render("js")
                let plain = render("zzz").replacingOccurrences(of: "language-zzz", with: "language-js")
                #expect(withoutTokens(colored) == plain, "\(text.debugDescription)\(info)")
            }
        }
    }

    @Test func highlightWordsAreFoundAsBytes() {
        #expect(HTMLRenderer.holds("highlight-", in: "x = 1 // highlight-next-line\n"))
        #expect(HTMLRenderer.holds("highlight-", in: "highlight-"))
        #expect(!HTMLRenderer.holds("highlight-", in: "highlight"))
        #expect(!HTMLRenderer.holds("highlight-", in: "hhighlight highlight highlight_ end"))
        #expect(HTMLRenderer.holds("highlight-", in: "hhighlight-"))
        #expect(!HTMLRenderer.holds("highlight-", in: ""))
    }

    @Test func blocksWithAndWithoutMagicCommentsRenderAsBefore() {
        let render = { (markdown: String) in
            HTMLRenderer().render(document: MarkdownDocument.parse(markdown, path: "a.md").root)
        }
        let plain = render("```js\nlet a = 1\nlet b = 2\n```\n")
        #expect(plain.contains("<span class=\"line\">") && !plain.contains("highlighted"))
        #expect(plain.components(separatedBy: "<span class=\"line").count == 3)
        let magic = render("```js\nlet a = 1\n// highlight-next-line\nlet b = 2\n```\n")
        #expect(magic.components(separatedBy: "<span class=\"line highlighted\"").count == 2)
        #expect(!magic.contains("highlight-next-line"))
        let ranged = render("```js {1}\nlet a = 1\nlet b = 2\n```\n")
        #expect(ranged.components(separatedBy: "<span class=\"line highlighted\"").count == 2)
    }
}
