import DocketMarkdown
import Testing

/// MDX that docket cannot render, or that Docusaurus refuses, is reported at its exact place.
@Suite struct MDXBadInputTests {
    /// The diagnostics of `text` as `path:line:col: severity: message` lines.
    func problems(_ text: String, mdx: Bool = true) -> [String] {
        MarkdownDocument.parse(text, lineOffset: 0, path: "p.mdx", isMDX: mdx).diagnostics.sorted.map(\.description)
    }

    @Test func unclosedTabs() {
        let found = problems("# T\n\n<Tabs>\n  <TabItem value=\"a\">A</TabItem>\n")
        #expect(found == ["p.mdx:3:1: error: <Tabs> is never closed: add </Tabs> (or write <Tabs … />)"], "\(found)")
    }

    @Test func tabItemOutsideTabs() {
        let found = problems("Intro\n\n<TabItem value=\"a\">\nA\n</TabItem>\n")
        #expect(found == ["p.mdx:3:1: error: <TabItem> must be a direct child of <Tabs>"], "\(found)")
    }

    @Test func duplicateValuesAndMissingValue() {
        let found = problems(
            "<Tabs>\n  <TabItem value=\"a\">A</TabItem>\n  <TabItem value=\"a\">B</TabItem>\n  <TabItem label=\"C\">C</TabItem>\n</Tabs>\n"
        )
        #expect(found.contains { $0.hasPrefix("p.mdx:3:3: error: duplicate <TabItem> value \"a\"") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("p.mdx:4:3: error: <TabItem> needs a 'value'") }, "\(found)")
    }

    @Test func textDirectlyInTabs() {
        let found = problems("<Tabs>\n\nloose text\n\n<TabItem value=\"a\">A</TabItem>\n</Tabs>\n")
        #expect(found == ["p.mdx:3:1: error: only <TabItem> elements may be inside <Tabs>"], "\(found)")
    }

    @Test func defaultValueThatNoTabHas() {
        let found = problems("<Tabs defaultValue=\"z\">\n<TabItem value=\"a\">A</TabItem>\n</Tabs>\n")
        #expect(
            found.count == 1
                && found[0].hasPrefix("p.mdx:1:7: error: defaultValue \"z\" is none of the tab values (a)"), "\(found)")
    }

    @Test func queryStringNeedsAGroupId() {
        let found = problems("<Tabs queryString>\n<TabItem value=\"a\">A</TabItem>\n</Tabs>\n")
        #expect(
            found.count == 1
                && found[0].hasPrefix(
                    "p.mdx:1:7: error: queryString without a value names the URL parameter after groupId"),
            "\(found)")
    }

    @Test func unknownImportAndComponentSpanningLines() {
        let text =
            "import ProjectsTable from '@site/src/components/ProjectsTable';\n\n# Projects\n\n<ProjectsTable\n  data={[\n    {name: 'a', url: 'b'},\n  ]}\n/>\n\nAfter.\n"
        let found = problems(text)
        #expect(found.count == 2, "\(found)")
        #expect(found[0].hasPrefix("p.mdx:1:1: error: docket cannot import '@site/src/components/ProjectsTable'"))
        #expect(
            found[1].hasPrefix(
                "p.mdx:5:1: error: docket cannot render the component <ProjectsTable> (imported from '@site/src/components/ProjectsTable')"
            ))
        // The lines of the tag are not shown as text; the paragraph after it keeps its line.
        let parsed = MarkdownDocument.parse(text, lineOffset: 0, path: "p.mdx", isMDX: true)
        let html = HTMLRenderer().render(document: parsed.root)
        #expect(!html.contains("data="), "\(html)")
        #expect(parsed.root.children.last?.range.startLine == 11)
    }

    @Test func importInProseIsNotFlagged() {
        let text = "We rely on code\nimport other parties' data with care.\n\nimport other parties' work too.\n"
        #expect(problems(text, mdx: false).isEmpty)
        #expect(problems(text).isEmpty)
    }

    @Test func exportIsReported() {
        let found = problems("export const x = 1;\n\nText\n")
        #expect(
            found.count == 1 && found[0].hasPrefix("p.mdx:1:1: error: MDX 'export' statements are not supported"),
            "\(found)")
    }

    @Test func expressionsThatAreNotLiterals() {
        let found = problems("Hello {name}, and {1 + 1}.\n\n{'fine'} and {/* fine */}\n")
        #expect(found.count == 2, "\(found)")
        #expect(found[0].hasPrefix("p.mdx:1:7: error: docket cannot evaluate the MDX expression {name}"))
        #expect(found[1].hasPrefix("p.mdx:1:19: error: docket cannot evaluate the MDX expression {1 + 1}"))
        // In a .md page the same text stays as written, with a located warning (Docusaurus
        // reads .md as MDX by default).
        let md = problems("Hello {name}.\n", mdx: false)
        #expect(md.count == 1 && md[0].contains(":1:7: warning: {name} is shown as written"), "\(md)")
    }

    @Test func unclosedExpression() {
        let found = problems("A {'x' here\n\nB\n")
        #expect(
            found == [
                "p.mdx:1:3: error: this '{' starts an MDX expression that is never closed; write \\{ for a literal brace"
            ], "\(found)")
    }

    @Test func unevaluableProps() {
        let found = problems(
            "<DocCardList items={items.filter(x => x)} />\n\n<TOCInline toc={toc.slice(1)} />\n\n<DocCard item={doc} />\n"
        )
        #expect(found.count == 3, "\(found)")
        #expect(found[0].hasPrefix("p.mdx:1:14: error: docket cannot evaluate this 'items' of <DocCardList>"))
        #expect(found[1].hasPrefix("p.mdx:3:1: error: <TOCInline> lists the page's headings"))
        #expect(found[2].hasPrefix("p.mdx:5:10: error: docket cannot evaluate this 'item' of <DocCard>"))
    }

    @Test func mismatchedClosingTag() {
        let found = problems("<Tabs>\n<TabItem value=\"a\">\n\nA\n\n</Tabs>\n")
        #expect(
            found.contains {
                $0.hasPrefix("p.mdx:6:1: error: </Tabs> closes <Tabs> while <TabItem> inside it is still open")
            }, "\(found)")
    }

    @Test func inlineComponentInAParagraph() {
        // Left to the site stage (MDXSyntaxCheck); the Markdown layer keeps it as inline HTML.
        let parsed = MarkdownDocument.parse(
            "Some <Highlight color=\"red\">text</Highlight>.\n", path: "p.mdx", isMDX: true)
        #expect(parsed.diagnostics.isEmpty)
        var inline = 0
        parsed.root.walk { if case .htmlInline = $0.kind { inline += 1 } }
        #expect(inline == 2)
    }

    @Test func positionsInsideTabsAreFilePositions() {
        let text = "<Tabs>\n  <TabItem value=\"a\">\n\n    Read [the guide](./guide.md).\n\n  </TabItem>\n</Tabs>\n"
        let parsed = MarkdownDocument.parse(text, lineOffset: 3, path: "p.mdx", isMDX: true)
        var link: SourceRange?
        parsed.root.walk { if case .link = $0.kind { link = $0.range } }
        #expect(link?.startLine == 7)
        #expect(link?.startColumn == 10)
    }

    @Test func pagesWithoutMDXAreUntouched() {
        let text = "# Plain\n\nJust *text* and a `code` span.\n"
        let parsed = MarkdownDocument.parse(text, path: "p.md")
        #expect(HTMLRenderer().render(document: parsed.root).contains("<em>text</em>"))
    }
}
