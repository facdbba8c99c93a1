import DocketMarkdown
import Testing

/// Every node of every page is stored inline in its parent's children array, so a node's width is
/// paid ~300 times a page: at 10,000 pages, 136-byte nodes held ~420 MiB, 64-byte ones ~200 MiB.
/// The wide payloads (`CodeBlockInfo`, `MDXElement`, a link's title) keep their fields in a shared
/// heap box, and every 24-byte case ends in a word with spare bits (a box pointer, a byte, or
/// nothing), where Swift keeps the enum's tag: a 25th tag byte would round a node up to 56 bytes.
/// These tests keep it that way and prove the boxed values still behave as values.
@Suite struct NodeLayoutTests {
    @Test func aNodeIsNoWiderThanALinkWithItsChildrenAndRange() {
        #expect(MemoryLayout<MarkdownNode.Kind>.size <= 24)
        #expect(MemoryLayout<MarkdownNode>.stride <= 48)
        #expect(MemoryLayout<CodeBlockInfo>.size == MemoryLayout<Int>.size)
        #expect(MemoryLayout<MDXElement>.size == MemoryLayout<Int>.size)
        #expect(MemoryLayout<LinkTitle>.size == MemoryLayout<Int>.size)
    }

    @Test func theWideCasesKeepTheirValuesInTheNarrowLayout() {
        let link = MarkdownNode.Kind.link(destination: "./setup.md#b", title: LinkTitle("The setup"))
        guard case .link(let destination, let title) = link else { Issue.record("not a link"); return }
        #expect(destination == "./setup.md#b" && title.text == "The setup" && !title.isEmpty)
        let heading = MarkdownNode.Kind.heading(id: "install-it", level: 6)
        guard case .heading(let id, let level) = heading else { Issue.record("not a heading"); return }
        #expect(id == "install-it" && level == 6)
        let directive = MarkdownNode.Directive(name: "warning", fenceLength: 5)
        #expect(directive.fenceLength == 5 && directive.name == "warning")
        // A fence longer than 32 bits can count is clamped, not wrapped to a small or negative length.
        #expect(MarkdownNode.Directive(name: "x", fenceLength: Int.max).fenceLength == Int(Int32.max))
        let code = MarkdownNode.Kind.codeBlock(literal: "echo hi\n", info: CodeBlockInfo("bash step=a"))
        guard case .codeBlock(let literal, let info) = code else { Issue.record("not a code block"); return }
        #expect(literal == "echo hi\n" && info.language == "bash" && info.attribute("step") == "a")
    }

    @Test func aParsedTreeKeepsNoUnusedRoomInItsChildrenArrays() {
        let pages = [
            "# T\n\nA *b* [c](d.md \"t\") `e`.\n\n- one\n- two\n- three\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "Intro\n\n:::note[Title *x*]\nbody **one**\n\n- a\n- b\n- c\n:::\n\n:::tip\ntext\n:::\n",
            "import X from './x';\n\n<Tabs>\n<TabItem value=\"a\">\n\nText *a* and b.\n\n</TabItem>\n</Tabs>\n\nEnd.\n",
        ]
        for page in pages {
            let root = MarkdownDocument.parse(page, path: "a.mdx", isMDX: true).root
            var arrays = 0
            root.walk { node in
                if !node.children.isEmpty { arrays += 1 }
                #expect(node.children.capacity == node.children.count, "\(node.kind)")
            }
            #expect(arrays > 3)
        }
    }

    @Test func linkTitlesCompareByTextAndAnEmptyOneIsEmpty() {
        #expect(LinkTitle("") == "" && LinkTitle("").isEmpty && LinkTitle("").text == "")
        #expect(LinkTitle("a") == LinkTitle("a"))
        #expect(LinkTitle("a") != LinkTitle("b"))
        #expect(LinkTitle("a") != LinkTitle(""))
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
        let original = MDXElement(
            name: "TabItem", component: nil, attributes: [], openTag: "<TabItem>",
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
