import DocketDiagnostics
import DocketMarkdown
import Testing

@testable import DocketSite

/// The content title is the level-1 heading the parsed tree starts with, in its source text as
/// Docusaurus reads it (inline Markdown raw, code backticks removed, `{#id}` and closing hashes
/// dropped); a body that does not start with one has none.
@Suite struct ContentTitleTreeTests {
    private func title(_ text: String, source: String = "a.md") -> String? {
        PageParser.parse(text: text, source: source, displayPath: "docs/" + source).contentTitle
    }

    @Test(arguments: [
        ("# Hello **World**\n\nText.\n", "Hello **World**"),
        ("# Closed heading ##\n", "Closed heading"),
        ("# Use `config.js`\n", "Use config.js"),
        ("# Custom heading {#custom}\n", "Custom heading"),
        ("\n\n  \n# After blank lines\n", "After blank lines"),
        ("Setext Title\n============\n\nA setext H1.\n", "Setext Title"),
        ("---\ntitle: x\n---\n\n# With front matter\n", "With front matter"),
        ("import Tabs from '@theme/Tabs';\n\n# After an import\n", "After an import"),
        ("#\tTabbed\n", "Tabbed"),
        ("import A from './a';\nimport B from './b';\n\n# After two imports\n", "After two imports"),
        ("# Mixed *emphasis* and [link](https://example.com)\n", "Mixed *emphasis* and [link](https://example.com)"),
    ])
    func leadingLevelOneHeadingIsTheTitle(_ body: String, _ expected: String) {
        #expect(title(body) == expected)
        #expect(title(body, source: "a.mdx") == expected)
    }

    @Test(arguments: [
        "Intro paragraph.\n\n# Later heading\n",
        "## A level-2 heading\n",
        "Setext two\n---\n",
        "   # Indented heading\n",
        "[ref]: /somewhere\n# After a definition\n",
        "```\n# in code\n```\n",
        ":::note\n# in an admonition\n:::\n",
        "Two line\nsetext\n===\n",
        "#\n",
        "",
        "#NoSpace\n",
        "import A from './a';\nnot an import\n# Title\n",
        "export const x = 1;\n\n# After an export\n",
        // An import block runs to the next blank line (MDX's ESM), so this heading is part of it:
        // it is not in the tree and does not render, and so is no title either.
        "import A from './a';\n# Swallowed by the import block\n",
    ])
    func otherBodiesHaveNoTitle(_ body: String) {
        #expect(title(body) == nil, "\(body)")
    }

    /// A long first paragraph is no title, decided from its first line: the body is not split
    /// into lines past it.
    @Test func aLongFirstParagraphIsNotReadToItsEnd() {
        let body = String(repeating: "prose line\n", count: 200_000) + "\n# Late heading\n"
        let start = ContinuousClock.now
        #expect(title(body) == nil)
        #expect(ContinuousClock.now - start < .seconds(20))
    }
}
