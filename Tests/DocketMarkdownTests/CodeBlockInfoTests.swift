import DocketMarkdown
import Testing

@Suite struct CodeBlockInfoTests {
    @Test func docusaurusMeta() {
        let info = CodeBlockInfo(#"JS title="a b.js" {1,3-4} showLineNumbers=10 runbook=deploy"#)
        #expect(info.language == "js")
        #expect(info.title == "a b.js")
        #expect(info.highlightedLines(upTo: 10) == [1, 3, 4])
        #expect(info.hasHighlightRange)
        #expect(info.lineNumbersStart == 10)
        #expect(info.attribute("runbook") == "deploy")
    }

    @Test func runbookAttributesAndFlags() {
        let info = CodeBlockInfo(#"bash step=deploy confirm norun="shows output only" timeout=5m"#)
        #expect(info.attribute("step") == "deploy")
        #expect(info.attribute("confirm") == "")
        #expect(info.attribute("norun") == "shows output only")
        #expect(info.attribute("timeout") == "5m")
        #expect(info.attribute("file") == nil)
    }

    @Test func runmeForms() {
        #expect(CodeBlockInfo(#"sh {"name":"setup","interactive":"false"}"#).attribute("name") == "setup")
        #expect(CodeBlockInfo("sh { name=setup excludeFromRunAll=true }").attribute("name") == "setup")
    }

    @Test func bareLineNumbersStartAtOne() {
        #expect(CodeBlockInfo("py showLineNumbers").lineNumbersStart == 1)
        #expect(CodeBlockInfo("").language == "")
    }
}
