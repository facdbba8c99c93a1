import DocketMarkdown
import Testing

/// R5 of the real-site bugs: `{vars.x}` in a `.md` page. Docusaurus compiles `.md` as MDX by
/// default, so it is JavaScript there; docket shows it as written and says so (a located
/// warning), and in `.mdx` it stays an error. Literals and escapes stay silent.
@Suite struct CompatExpressionTests {
    private func parse(_ text: String, isMDX: Bool) -> [String] {
        MarkdownDocument.parse(text, lineOffset: 2, path: isMDX ? "a.mdx" : "a.md", isMDX: isMDX).diagnostics.sorted
            .map(\.description)
    }

    @Test func anExpressionInMarkdownProseIsALocatedWarning() {
        let found = parse("# A\n\nRequires version {vars.k8sMinVersion} or higher.\n", isMDX: false)
        #expect(found.count == 1, "\(found)")
        #expect(
            found.first?.hasPrefix("a.md:5:18: warning: {vars.k8sMinVersion} is shown as written") == true, "\(found)")
    }

    @Test func theSameInMDXIsAnError() {
        let found = parse("Hello {user}.\n", isMDX: true)
        #expect(
            found.count == 1
                && found[0].hasPrefix("a.mdx:3:7: error: docket cannot evaluate the MDX expression {user}"), "\(found)")
    }

    @Test func literalsCommentsAndEscapesAreSilent() {
        #expect(parse("A {'<'}b{'>'} {/* note */} \\{x} `{code}`\n", isMDX: false).isEmpty)
    }

    /// R12: the slug text leaves text directives out, but not emoji shortcodes or `::`.
    @Test func headingSlugTextDropsTextDirectives() {
        func slugText(_ heading: String) -> String {
            MarkdownDocument.parse(heading, path: "a.md").root.children.first?.slugText ?? "?"
        }
        #expect(slugText("## join:JitsiMeetConferenceOptions") == "join")
        #expect(slugText("## ui:widget[Label]{x=1} end") == "uiLabel end")
        #expect(slugText("## std::vector at 10:30") == "std::vector at 10:30")
        #expect(slugText("## Done :tada:") == "Done :tada:")
    }
}
