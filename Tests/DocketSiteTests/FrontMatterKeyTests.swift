import DocketDiagnostics
import DocketSite
import Testing

/// Every Docusaurus doc front-matter key is either honoured or warned about by name, at the key.
@Suite struct FrontMatterKeyTests {
    private func messages(_ yaml: String) -> [String] {
        FrontMatter.parse(yaml, path: "docs/a.md").1.sorted.map(\.description)
    }

    @Test func ignoredDocusaurusKeysWarnAtTheKey() {
        let found = messages("title: A\ndisplayed_sidebar: nope\nformat: mdx\nsidebar_key: k\nsidebar_custom_props:\n  x: 1\n")
        #expect(found == [
            "docs/a.md:3:1: warning: front-matter key 'displayed_sidebar' is ignored: docket has one sidebar for the whole site",
            "docs/a.md:4:1: warning: front-matter key 'format' is ignored: every page is parsed as Markdown with MDX syntax accepted",
            "docs/a.md:5:1: warning: front-matter key 'sidebar_key' is ignored: docket has no translation keys for sidebar items",
            "docs/a.md:6:1: warning: front-matter key 'sidebar_custom_props' is ignored: docket's sidebar has no custom props",
        ])
    }

    @Test func honouredKeysDoNotWarn() {
        let yaml = """
            id: a
            title: A
            sidebar_label: A
            sidebar_position: 2
            sidebar_class_name: c
            slug: /a
            description: d
            keywords: [k]
            image: /i.png
            hide_title: true
            hide_table_of_contents: false
            toc_min_heading_level: 2
            toc_max_heading_level: 4
            pagination_prev: null
            pagination_next: b
            pagination_label: A
            draft: false
            unlisted: false
            tags: [x]
            custom_edit_url: null
            parse_number_prefixes: true
            runbook:
              id: r
            """
        #expect(messages(yaml) == [])
    }

    @Test func misspeltKeyWarnsWithTheClosestName() {
        #expect(messages("sidebar_postion: 1\n") == [
            "docs/a.md:2:1: warning: unknown front-matter key 'sidebar_postion' (did you mean 'sidebar_position'?)",
        ])
        #expect(messages("displayed_sidebr: x\n").first?.contains("did you mean 'displayed_sidebar'") == true)
    }

    @Test func customKeysFarFromAnyKnownKeyAreKept() {
        let (fm, diagnostics) = FrontMatter.parse("my_custom_field: 1\n", path: "docs/a.md")
        #expect(diagnostics.isEmpty)
        #expect(fm.raw?["my_custom_field"]?.scalar?.text == "1")
    }
}
