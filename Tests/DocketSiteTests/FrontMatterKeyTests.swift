import DocketDiagnostics
import DocketSite
import DocketTestSupport
import Testing

/// Every Docusaurus doc front-matter key is either honoured or warned about by name, at the key.
@Suite struct FrontMatterKeyTests {
    private func messages(_ yaml: String) -> [String] {
        FrontMatter.parse(yaml, path: "docs/a.md").1.sorted.map(\.description)
    }

    @Test func ignoredDocusaurusKeysWarnAtTheKey() {
        let found = messages(
            "title: A\ndisplayed_sidebar: nope\nformat: mdx\nsidebar_key: k\nsidebar_custom_props:\n  x: 1\n")
        #expect(
            found == [
                "docs/a.md:4:1: warning: front-matter key 'format' is ignored: every page is parsed as Markdown with MDX syntax accepted"
            ])
    }

    @Test func sidebarKeysAreRead() {
        let (fm, diagnostics) = FrontMatter.parse(
            "displayed_sidebar: api\nsidebar_key: k\nsidebar_custom_props:\n  badge: new\n  n: 2\n", path: "docs/a.md")
        #expect(diagnostics.isEmpty)
        #expect(fm.displayedSidebar == .some("api"))
        #expect(fm.sidebarKey == "k")
        let props = fm.sidebarCustomProps?.templateValue as? [String: Any]
        #expect(props?["badge"] as? String == "new")
        #expect(props?["n"] as? Double == 2)
        let hidden = FrontMatter.parse("displayed_sidebar: null\n", path: "docs/a.md").0
        #expect(hidden.displayedSidebar == .some(nil))
        #expect(FrontMatter.parse("title: A\n", path: "docs/a.md").0.displayedSidebar == nil)
    }

    @Test func sidebarCustomPropsMustBeAMapping() {
        #expect(
            messages("sidebar_custom_props: fancy\n") == [
                "docs/a.md:2:23: error: 'sidebar_custom_props' must be a mapping, not a string"
            ])
    }

    /// `sidebar.json` holds the props as JSON: a part JSON cannot hold is an error at that part
    /// (lines count from the opening fence), never the whole mapping written as `null`.
    @Test func customPropsJSONCannotHoldAreErrorsAtThePart() {
        let yaml = """
            sidebar_custom_props:
              size: +inf
              list: [1, -nan]
              nested: { big: 1e999 }
              ? [a, b]
              : 1
              ~: 2
            """
        #expect(
            messages(yaml + "\n") == [
                "docs/a.md:3:9: error: 'sidebar_custom_props.size' is +inf, a number JSON cannot hold (customProps go to sidebar.json): quote it to keep it as text",
                "docs/a.md:4:13: error: 'sidebar_custom_props.list[1]' is -nan, a number JSON cannot hold (customProps go to sidebar.json): quote it to keep it as text",
                "docs/a.md:5:18: error: 'sidebar_custom_props.nested.big' is 1e999, a number JSON cannot hold (customProps go to sidebar.json): quote it to keep it as text",
                "docs/a.md:6:5: error: 'sidebar_custom_props' has a key that is a list: customProps keys must be text",
                "docs/a.md:8:3: error: 'sidebar_custom_props' has a key that is null: customProps keys must be text",
            ])
        #expect(FrontMatter.parse(yaml + "\n", path: "docs/a.md").0.sidebarCustomProps == nil)
    }

    /// Quoted, the same spellings are text; large finite numbers and YAML's own `.inf` (text
    /// to docket, as `Double` does not read it) pass.
    @Test func customPropsQuotedOrFiniteAreKept() {
        let (fm, diagnostics) = FrontMatter.parse(
            "sidebar_custom_props:\n  size: '+inf'\n  big: 1e300\n  dot: .inf\n  yes: true\n", path: "docs/a.md")
        #expect(diagnostics.isEmpty)
        #expect(
            fm.sidebarCustomProps
                == .object([
                    (key: "size", value: .string("+inf")), (key: "big", value: .number(1e300)),
                    (key: "dot", value: .string(".inf")), (key: "yes", value: .bool(true)),
                ]))
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
            displayed_sidebar: api
            sidebar_key: k
            sidebar_custom_props:
              badge: new
            runbook:
              id: r
            """
        #expect(messages(yaml) == [])
    }

    @Test func misspeltKeyWarnsWithTheClosestName() {
        #expect(
            messages("sidebar_postion: 1\n") == [
                "docs/a.md:2:1: warning: unknown front-matter key 'sidebar_postion' (did you mean 'sidebar_position'?)"
            ])
        #expect(messages("displayed_sidebr: x\n").first?.contains("did you mean 'displayed_sidebar'") == true)
    }

    @Test func aMisspeltIgnoredKeyStillGetsItsSuggestion() {
        #expect(
            messages("formt: md\n") == [
                "docs/a.md:2:1: warning: unknown front-matter key 'formt' (did you mean 'format'?)"
            ])
    }

    @Test func valuesAreKeptAsWrittenAndFlagsNeedAValue() {
        let (fm, diagnostics) = FrontMatter.parse(
            "sidebar_position: 1.5\ntitle: 1.50\nkeywords: docs\nslug: \"yes\"\n", path: "docs/a.md")
        #expect(diagnostics.isEmpty)
        #expect(fm.sidebarPosition == 1.5)
        #expect(fm.title == "1.50")
        #expect(fm.keywords == ["docs"])
        #expect(fm.slug == "yes")
        // `draft:` with the value forgotten is an error, not a silent false; `title:` is no title.
        #expect(
            messages("draft:\ntitle:\nhide_title: yes\n") == [
                "docs/a.md:2:7: error: 'draft' must be true or false, not null",
                "docs/a.md:4:13: error: 'hide_title' must be true or false, not a string",
            ])
    }

    @Test func everyBadValueIsReportedAtOnceBelowTheFence() {
        #expect(
            messages("title: [a]\nsidebar_position: 1e999\nkeywords: {a: 1}\ndisplayed_sidebar: [x]\n") == [
                "docs/a.md:2:8: error: 'title' must be a string, not a list",
                "docs/a.md:3:19: error: 'sidebar_position' must be a number from -1000000000 to 1000000000, not 1e999",
                "docs/a.md:4:11: error: 'keywords' must be a list of strings, not a mapping",
                "docs/a.md:5:20: error: 'displayed_sidebar' must be a string, not a list",
            ])
    }

    @Test func theOffsetIsTheCallersAndReachesTheRunbookBlock() {
        let (fm, diagnostics) = FrontMatter.parse("runbook:\n  id: r\ntitle: [x]\n", path: "docs/a.md", lineOffset: 5)
        #expect(fm.lineOffset == 5)
        #expect(diagnostics.sorted.map(\.description) == ["docs/a.md:8:8: error: 'title' must be a string, not a list"])
    }

    @Test func customKeysFarFromAnyKnownKeyAreKept() {
        let (fm, diagnostics) = FrontMatter.parse("my_custom_field: 1\n", path: "docs/a.md")
        #expect(diagnostics.isEmpty)
        #expect(fm.raw?["my_custom_field"]?.scalar?.text == "1")
    }

    @Test func theTreeIsKeptOnlyForARunbookBlockOrUnknownKeys() {
        #expect(FrontMatter.parse("title: A\nsidebar_position: 2\n", path: "docs/a.md").0.raw == nil)
        #expect(FrontMatter.parse("runbook:\n  id: r\n", path: "docs/a.md").0.raw?["runbook"] != nil)
        #expect(FrontMatter.parse("runbook:\n", path: "docs/a.md").0.raw?["runbook"] != nil)
        #expect(FrontMatter.parse("title: A\nmy_custom_field: 1\n", path: "docs/a.md").0.raw != nil)
    }
}

/// `last_update: {date, author}` is read and checked.
@Suite struct LastUpdateFrontMatterTests {
    @Test func dateAndAuthorAreRead() {
        let (fm, diagnostics) = FrontMatter.parse(
            "last_update:\n  date: 2018-10-14\n  author: Ada\n", path: "docs/a.md")
        #expect(diagnostics.isEmpty)
        #expect(fm.lastUpdate == LastUpdate(time: 1_539_475_200, author: "Ada"))
        #expect(LastUpdate.displayDate(1_539_475_200) == "Oct 14, 2018")
        #expect(LastUpdate.isoDate(1_539_502_055) == "2018-10-14T07:27:35Z")
        #expect(LastUpdate.parse("2024-02-29T23:59:59Z") == 1_709_251_199)
    }

    @Test func badValuesAreLocated() {
        let found = FrontMatter.parse("last_update:\n  date: 2023-02-30\n  when: x\n", path: "docs/a.md").1.sorted.map(
            \.description)
        #expect(
            found == [
                "docs/a.md:3:9: error: 'last_update.date' must be a date like 2024-05-31 or 2024-05-31T12:00:00Z, not '2023-02-30'",
                "docs/a.md:4:3: warning: unknown key 'when' in last_update (it takes 'date' and 'author')",
            ])
        #expect(
            FrontMatter.parse("last_update: yesterday\n", path: "docs/a.md").1.sorted.map(\.description)
                == ["docs/a.md:2:14: error: 'last_update' must be a mapping with 'date' and/or 'author'"])
        #expect(LastUpdate.parse("2024-13-01") == nil)
        #expect(LastUpdate.parse("2024-01-01T25:00") == nil)
        #expect(LastUpdate.parse("nope") == nil)
    }
}

/// `markdown.emoji` in docket.yml.
@Suite struct MarkdownEmojiSettingTests {
    @Test func onByDefaultAndTurnedOff() {
        var config = SiteConfig()
        #expect(config.markdownEmoji)
        #expect(SiteConfigLoader.load("markdown:\n  emoji: false\n", path: "docket.yml", into: &config).isEmpty)
        #expect(!config.markdownEmoji)
    }

    @Test func badValuesAreLocated() {
        var config = SiteConfig()
        let found = SiteConfigLoader.load(
            "markdown:\n  emoji: sometimes\n  emojis: true\n", path: "docket.yml", into: &config
        )
        .sorted.map(\.description)
        #expect(found.count == 2)
        #expect(
            found.first?.hasPrefix("docket.yml:2:10: error: 'markdown.emoji' must be true or false") == true, "\(found)"
        )
        #expect(
            found.last
                == "docket.yml:3:3: warning: unknown setting 'markdown.emojis' in docket.yml (did you mean 'emoji'?)")
        #expect(SiteConfigLoader.load("markdown: off\n", path: "docket.yml", into: &config).hasErrors)
    }
}
