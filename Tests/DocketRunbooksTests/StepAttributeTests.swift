import DocketRunbooks
import DocketSite
import Testing

/// Misspelt or meaningless step attributes and front matter keys are located errors.
@Suite struct StepAttributeTests {
    static func diagnostics(_ body: String, frontMatter: String = "") -> [String] {
        let page =
            "---\nrunbook:\n  id: x\n  title: X\n\(frontMatter)  params:\n    HOST: { example: host.example.com }\n---\n\n\(body)\n"
        let parsed = PageParser.parse(text: page, source: "x.md", displayPath: "docs/x.md")
        return RunbookExtractor.extract(parsed, sourceLabel: "docs/x.md").1.all.map(\.description)
    }

    @Test(arguments: [
        (
            "```bash step=a confrim\necho host.example.com\n```",
            "docs/x.md:9:16: error: unknown step attribute 'confrim'; did you mean 'confirm'?"
        ),
        (
            "```bash step=a timout=60\necho host.example.com\n```",
            "docs/x.md:9:16: error: unknown step attribute 'timout'; did you mean 'timeout'?"
        ),
        (
            "```bash step=a tile=\"T\"\necho host.example.com\n```",
            "docs/x.md:9:16: error: unknown step attribute 'tile'; did you mean 'title'?"
        ),
        (
            "```bash step=a quickly\necho host.example.com\n```",
            "docs/x.md:9:16: error: unknown step attribute 'quickly' (see"
        ),
        (
            "```bash step=a mode=upsert\necho host.example.com\n```",
            "docs/x.md:9:16: error: mode= only applies to file steps"
        ),
        (
            "```bash step=a confirm=yes\necho host.example.com\n```",
            "docs/x.md:9:16: error: 'confirm' is a flag and takes no value"
        ),
        (
            "```env step=a file=x.env timeout=5\nA=host.example.com\n```",
            "docs/x.md:9:26: error: timeout= only applies to shell steps"
        ),
        (
            "```bash step=a timeout=9999999999999999h\necho host.example.com\n```",
            "docs/x.md:9:16: error: timeout '9999999999999999h' is out of range"
        ),
        (
            "```bash step=a timeout=99999999999999999999999\necho host.example.com\n```",
            "docs/x.md:9:16: error: timeout '99999999999999999999999' is out of range"
        ),
        ("```bash step=a timeout=0\necho host.example.com\n```", "docs/x.md:9:16: error: timeout '0' is out of range"),
    ])
    func badAttributesAreLocated(_ body: String, _ expected: String) {
        let found = Self.diagnostics(body)
        #expect(found.contains { $0.hasPrefix(expected) }, "\(found)")
    }

    @Test func unknownFrontMatterKeysAreLocatedWithASuggestion() {
        let found = Self.diagnostics("```bash step=a\necho host.example.com\n```", frontMatter: "  titel: Y\n")
        #expect(
            found.contains {
                $0.hasPrefix("docs/x.md:5:3: error: unknown key 'titel' under runbook:")
                    && $0.hasSuffix("did you mean 'title'?")
            }, "\(found)")
    }

    @Test func goodAttributesPass() {
        let found = Self.diagnostics(
            "```bash step=a title=\"A\" cwd=~ timeout=5m confirm reboot showLineNumbers\necho host.example.com\n```")
        #expect(found.isEmpty, "\(found)")
    }
}

/// A parameter's example and default agree with its own pattern and choices.
@Suite struct ParameterValueLintTests {
    @Test func examplesAndDefaultsMustPassTheirOwnChecks() {
        let front =
            "    PORT: { example: \"22x\", default: \"22\", pattern: '[0-9]+' }\n    STAGE: { example: staging, default: prod, choices: [staging, production] }\n"
        let page =
            "---\nrunbook:\n  id: x\n  title: X\n  params:\n\(front)---\n\n```bash step=a\necho 22x staging\n```\n"
        let parsed = PageParser.parse(text: page, source: "x.md", displayPath: "docs/x.md")
        let found = RunbookExtractor.extract(parsed, sourceLabel: "docs/x.md").1.all.map(\.description)
        #expect(
            found.contains {
                $0.hasPrefix("docs/x.md:6:5: error: the example '22x' of PORT does not match its own pattern [0-9]+")
            }, "\(found)")
        #expect(
            found.contains {
                $0.hasPrefix("docs/x.md:7:5: error: the default 'prod' of STAGE is not one of its choices")
            }, "\(found)")
        #expect(!found.contains { $0.contains("the default '22' of PORT") }, "\(found)")
    }
}
