import Testing

@testable import DocketMarkdown

/// A code block's lines are split as bytes, and its magic comments are looked for only when its
/// text holds `highlight-`: both must give what the Character split and `CodeHighlights` give.
@Suite struct CodeBlockLinesTests {
    @Test func theByteSplitGivesTheCharacterLines() {
        let pieces = ["\n", "a", "\u{301}", "é", "\r", " ", "\r\n", "👍🏽"]
        var texts = [""]
        var last = [""]
        for _ in 0..<4 {
            last = last.flatMap { prefix in pieces.map { prefix + $0 } }
            texts += last
        }
        for text in texts {
            #expect(
                HTMLRenderer.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false),
                "\(Array(text.unicodeScalars))")
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
