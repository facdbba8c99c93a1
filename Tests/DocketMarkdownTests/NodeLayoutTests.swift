import DocketMarkdown
import Testing

/// Every node of every page is stored inline in its parent's children array, so a node's width is
/// paid ~300 times a page: at 10,000 pages, 136-byte nodes held ~420 MiB, 64-byte ones ~200 MiB.
/// The wide payloads (`CodeBlockInfo`, `MDXElement`) keep their fields in a shared heap box; these
/// tests keep it that way and prove the boxed values still behave as values.
@Suite struct NodeLayoutTests {
    @Test func aNodeIsNoWiderThanALinkWithItsChildrenAndRange() {
        #expect(MemoryLayout<MarkdownNode.Kind>.size <= 33)
        #expect(MemoryLayout<MarkdownNode>.stride <= 64)
        #expect(MemoryLayout<CodeBlockInfo>.size == MemoryLayout<Int>.size)
        #expect(MemoryLayout<MDXElement>.size == MemoryLayout<Int>.size)
    }

    @Test func changingACopiedCodeBlockInfoLeavesTheOriginalAlone() {
        let original = CodeBlockInfo(#"bash title="setup.sh" {2-3} showLineNumbers=5 step=deploy"#)
        var copy = original
        copy.title = "other.sh"
        copy.attributes.append((key: "norun", value: ""))
        copy.highlightRanges = []
        #expect(original.title == "setup.sh")
        #expect(original.attribute("step") == "deploy")
        #expect(original.attribute("norun") == nil)
        #expect(original.highlightRanges == [2...3])
        #expect(original.lineNumbersStart == 5)
        #expect(copy.title == "other.sh")
        #expect(copy.attribute("norun") == "")
        #expect(copy.language == "bash")
        #expect(copy != original)
        #expect(original == CodeBlockInfo(#"bash title="setup.sh" {2-3} showLineNumbers=5 step=deploy"#))
    }

    @Test func changingACopiedMDXElementLeavesTheOriginalAlone() {
        let original = MDXElement(name: "TabItem", component: nil, attributes: [], openTag: "<TabItem>",
                                  isSelfClosing: false, line: 3, column: 1)
        var copy = original
        copy.name = "Tabs"
        copy.line = 9
        copy.literal = "text"
        #expect(original.name == "TabItem")
        #expect(original.line == 3)
        #expect(original.literal == nil)
        #expect(copy.name == "Tabs" && copy.line == 9 && copy.literal == "text")
        #expect(copy.openTag == "<TabItem>" && copy.column == 1)
    }
}
