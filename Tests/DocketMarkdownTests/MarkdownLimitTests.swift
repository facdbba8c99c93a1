import DocketDiagnostics
import Foundation
import Testing

@testable import DocketMarkdown

/// Inputs that once crashed docket or took seconds and gigabytes: each now renders correctly or
/// is a located error, fast.
@Suite struct MarkdownLimitTests {
    private func parse(_ text: String, lineOffset: Int = 0) -> (MarkdownDocument, [String], String) {
        let document = MarkdownDocument.parse(text, lineOffset: lineOffset, path: "a.md")
        let html = HTMLRenderer().render(document: document.root)
        return (document, document.diagnostics.sorted.map(\.description), html)
    }

    private func depth(_ node: MarkdownNode) -> Int {
        var deepest = 0
        var stack = [(node, 0)]
        while let (current, level) = stack.popLast() {
            deepest = max(deepest, level)
            stack += current.children.map { ($0, level + 1) }
        }
        return deepest
    }

    @Test func deepQuotesAreAnErrorAtTheTooDeepBlock() {
        let (document, found, _) = parse("intro\n\n" + String(repeating: ">", count: 20_000) + " x\n", lineOffset: 4)
        #expect(
            found == [
                "a.md:7:\(CmarkParser.maxDepth + 1): error: Markdown is nested deeper than \(CmarkParser.maxDepth) levels here (lists, quotes, emphasis, links…); the deeper content is left out"
            ])
        #expect(depth(document.root) <= CmarkParser.maxDepth)
    }

    @Test func deepListsOnOneLineAndDeepEmphasis() {
        let lists = parse(String(repeating: "- ", count: 8_000) + "x\n")
        #expect(
            lists.1.count == 1 && lists.1[0].hasPrefix("a.md:1:") && lists.1[0].contains("nested deeper than 256"),
            "\(lists.1)")
        let ordered = parse(String(repeating: "1. ", count: 8_000) + "x\n")
        #expect(ordered.1.count == 1)
        let emphasis = parse(String(repeating: "*", count: 20_000) + "x" + String(repeating: "*", count: 20_000) + "\n")
        #expect(
            emphasis.1.count == 1 && emphasis.1[0].hasPrefix("a.md:1:1: error: Markdown is nested deeper"),
            "\(emphasis.1)")
        #expect(depth(emphasis.0.root) <= CmarkParser.maxDepth)
    }

    @Test func nestingUpToTheLimitRendersInFull() {
        // 100 quotes: well within the limit, every level rendered.
        let (_, found, html) = parse(String(repeating: "> ", count: 100) + "deep\n")
        #expect(found.isEmpty)
        #expect(html.components(separatedBy: "<blockquote>").count == 101)
        #expect(html.contains("<p>deep</p>"))
    }

    @Test func deeplyNestedAdmonitionsAreOneErrorAndFast() {
        let count = 5_000
        let text = String(repeating: ":::note\n", count: count) + "x\n" + String(repeating: ":::\n", count: count)
        let start = Date()
        let (document, found, _) = parse(text)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(
            found == [
                "a.md:65:1: error: ':::note' is nested deeper than 64 levels of ':::' containers; it and any deeper ones are left as text"
            ])
        #expect(depth(document.root) < 200)
    }

    @Test func admonitionsClosedInsideListsCannotNestWithoutEnd() {
        // Each `:::` sits in a list item 4 spaces in: too deep to close anything (a fence up to
        // 3 spaces in closes its directive, even inside a list), so every opening stays open.
        let text = String(repeating: ":::note\n- x\n\n    :::\n\n", count: 2_000)
        let (document, found, _) = parse(text)
        #expect(found.contains { $0.contains("error: ':::note' is nested deeper than 64") }, "\(found.prefix(3))")
        #expect(depth(document.root) < 400)
    }

    @Test func tablesWiderThanTheLimitAreAnError() {
        let columns = 5_000
        let text =
            "intro\n\n|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns)
            + "\n|" + String(repeating: "b|", count: columns) + "\n"
        let start = Date()
        let (_, found, html) = parse(text)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(
            found == ["a.md:3:1: error: this table has 5000 columns; at most 1000 are supported, so it is left out"])
        #expect(!html.contains("<td>"))
        let ok = parse("|" + String(repeating: "a|", count: 1000) + "\n|" + String(repeating: "-|", count: 1000) + "\n")
        #expect(ok.1.isEmpty && ok.2.components(separatedBy: "<th>").count == 1001)
    }

    @Test func hugeLineNumberStartIsAnErrorAtTheBlock() {
        let (_, found, html) = parse("text\n\n```js showLineNumbers=9223372036854775807\na\nb\n```\n")
        #expect(
            found == [
                "a.md:3:1: error: 'showLineNumbers=9223372036854775807' must start from a whole number between -1000000000 and 1000000000"
            ])
        #expect(html.contains("data-line=\"1\"") && html.contains("data-line=\"2\""))
        let edge = parse("```js showLineNumbers=1000000000\na\nb\n```\n")
        #expect(edge.1.isEmpty && edge.2.contains("data-line=\"1000000001\""))
        #expect(parse("```js showLineNumbers=-9223372036854775808\na\n```\n").1.count == 1)
    }

    @Test func highlightRangesAreCappedByTheBlock() {
        let start = Date()
        let (_, found, html) = parse("```js {1-3000000000}\na\nb\n```\n")
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(found.isEmpty)
        #expect(html.components(separatedBy: "line highlighted").count == 3)
        let info = CodeBlockInfo("js {2-9223372036854775806,5,-3}")
        #expect(info.highlightedLines(upTo: 4) == [2, 3, 4])
        #expect(info.highlightedLines(upTo: 0).isEmpty)
    }

    @Test func overlongInfoStringIsAnError() {
        let info = "js title=\"" + String(repeating: "é", count: 5_000) + "\""
        let (_, found, _) = parse("```\(info)\nx\n```\n")
        #expect(found == ["a.md:1:1: error: the info string of this code block is longer than 4096 bytes"])
    }

    @Test func pagesOverTheMarkupBudgetAreRefusedAtTheLine() {
        let text = "# Title\n" + String(repeating: "- a\n", count: 200_000)
        let start = Date()
        let (document, found, _) = parse(text, lineOffset: 3)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(found.count == 1)
        #expect(
            found[0].hasPrefix("a.md:125004:1: error: the page holds more than 250000 lines and markup characters"),
            "\(found)")
        #expect(document.root.children.isEmpty)
    }

    @Test func theBudgetIsCountedToTheLastUnit() {
        // Every byte a unit: a page of exactly the limit is within it, one byte more is not.
        let full = String(repeating: "*", count: MarkupBudget.limit)
        #expect(MarkupBudget.overrun(in: full) == nil)
        #expect(MarkupBudget.overrun(in: full + "*") == 1)
        #expect(
            MarkupBudget.overrun(in: String(repeating: "\n", count: MarkupBudget.limit + 1)) == MarkupBudget.limit + 1)
        // Past the limit in bytes, but not in units: prose is free.
        #expect(MarkupBudget.overrun(in: String(repeating: "word ", count: MarkupBudget.limit)) == nil)
    }

    @Test func markupInsideFencedCodeIsFree() {
        // 300,000 markup characters inside a fence, on few lines: within the budget.
        let code = String(repeating: String(repeating: "*", count: 1_000) + "\n", count: 300)
        #expect(MarkupBudget.overrun(in: "```\n" + code + "```\n") == nil)
        #expect(MarkupBudget.overrun(in: code) != nil)
        // A fence that is never closed runs to the end of the page.
        #expect(MarkupBudget.overrun(in: "~~~~\n" + code) == nil)
    }

    @Test func oneHugeLineBuildsQuickly() {
        let text = String(repeating: "a", count: 10_000_000) + "\n"
        let start = Date()
        let (_, found, html) = parse(text)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(found.isEmpty)
        #expect(html.utf8.count == 10_000_008)
    }

    @Test func markerCommentsWrittenByTheAuthorAreJustComments() {
        // Found by the fuzzer: a comment shaped like docket's own marker named an opening that
        // did not exist (an index out of range).
        let (document, found, html) = parse(
            "<!--docket-directive-open:99-->\n\n:::note\nx\n:::\n\n<!--docket-directive-close:0-->\n")
        #expect(found.isEmpty)
        #expect(html.contains("admonition-note"))
        #expect(html.contains("<!--docket-directive-open:99-->"))
        #expect(document.root.children.count == 3)
    }
}
