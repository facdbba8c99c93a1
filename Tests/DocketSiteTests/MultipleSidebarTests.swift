import DocketDiagnostics
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// Several named sidebars (`sidebars:`), `displayed_sidebar`, and the sidebar item keys of the
/// Docusaurus sidebar docs (`className`, `customProps`, `key`; `sidebar_custom_props`,
/// `sidebar_key`), worked out by hand from the Docusaurus documentation.
@Suite struct MultipleSidebarTests {
    private static let config = """
        sidebars:
          guides:
            - intro
            - type: category
              label: Basics
              className: basics
              customProps: { icon: book }
              items: [install, run]
          api:
            - type: doc
              id: reference
              className: api-ref
              customProps: { badge: beta, weight: 2 }
              key: reference-item
            - cli
        """

    private func load(_ files: [String: String], config: String = config) throws -> (Site, [String]) {
        var all = files.reduce(into: [String: String]()) { $0["docs/" + $1.key] = $1.value }
        all["docket.yml"] = config
        let (site, diagnostics) = try SiteFixture.load(files: all)
        return (site, diagnostics.sorted.map(\.description))
    }

    private static let pages = [
        "intro.md": "# Intro\n", "install.md": "# Install\n", "run.md": "# Run\n",
        "reference.md": "# Reference\n", "cli.md": "# CLI\n", "other.md": "# Other\n",
    ]

    @Test func eachDocReadsInItsOwnSidebar() throws {
        let (site, problems) = try load(Self.pages)
        #expect(problems.isEmpty, "\(problems)")
        #expect(site.sidebars.map(\.name) == ["guides", "api"])
        let guides = try #require(site.sidebars.firstIndex { $0.name == "guides" })
        let api = try #require(site.sidebars.firstIndex { $0.name == "api" })
        #expect(site.displayedSidebar["install"] == guides)
        #expect(site.displayedSidebar["cli"] == api)
        // prev/next stay inside a sidebar: run is the last of "guides", reference the first of "api".
        #expect(site.navigation["run"]?.previous?.url == "/docs/install")
        #expect(site.navigation["run"]?.next == nil)
        #expect(site.navigation["reference"]?.previous == nil)
        #expect(site.navigation["reference"]?.next?.url == "/docs/cli")
        #expect(site.sidebarPaths["install"] == [1])
        // A doc no sidebar lists shows no sidebar (Docusaurus), and has no neighbours.
        #expect(site.displayedSidebar["other"] == nil)
        #expect(site.navigation["other"]?.next == nil)
    }

    /// Two docs given one id is an error, but the site is still assembled (serve shows it): every
    /// listing of the id stands for its first doc, in the reading order and in the id-keyed
    /// navigation, sidebar and path tables.
    @Test func docsSharingAnIDReadAsTheFirst() throws {
        let (site, problems) = try load(
            [
                "a.md": "# A\n", "b.md": "---\nid: same\nslug: /b\n---\n# B\n",
                "c.md": "---\nid: same\nslug: /c\n---\n# C\n", "d.md": "# D\n",
            ], config: "title: T\nsidebars:\n  main:\n    - a\n    - same\n    - d\n")
        #expect(problems.contains { $0.contains("docs sharing the same id: 'same'") }, "\(problems)")
        #expect(site.pageIndexByID["same"].map { site.pages[$0].parsed.source } == "b.md")
        #expect(site.navigation["a"]?.next?.url == "/docs/b")
        #expect(site.navigation["d"]?.previous?.url == "/docs/b")
        #expect(site.navigation["same"]?.previous?.url == "/docs/a")
        #expect(site.navigation["same"]?.next?.url == "/docs/d")
        #expect(site.displayedSidebar["same"] == 0)
        #expect(site.sidebarPaths["same"] == [])
    }

    @Test func itemAttributesReachTheSidebar() throws {
        let (site, _) = try load(Self.pages)
        guard case .category(let basics) = site.sidebars[0].items[1] else { Issue.record("no category"); return }
        #expect(basics.className == "basics")
        #expect((basics.customProps?.templateValue as? [String: Any])?["icon"] as? String == "book")
        guard case .doc(let reference) = site.sidebars[1].items[0] else { Issue.record("no doc"); return }
        #expect(reference.className == "api-ref")
        #expect(reference.key == "reference-item")
        #expect((reference.customProps?.templateValue as? [String: Any])?["weight"] as? Double == 2)
    }

    @Test func frontMatterBeatsTheItemsAttributes() throws {
        var pages = Self.pages
        pages["reference.md"] =
            "---\nsidebar_class_name: fm-class\nsidebar_key: fm-key\nsidebar_custom_props:\n  badge: stable\n---\n# Reference\n"
        let (site, _) = try load(pages)
        guard case .doc(let reference) = site.sidebars[1].items[0] else { Issue.record("no doc"); return }
        #expect(reference.className == "fm-class")
        #expect(reference.key == "fm-key")
        #expect((reference.customProps?.templateValue as? [String: Any])?["badge"] as? String == "stable")
    }

    @Test func displayedSidebarChoosesOrHides() throws {
        var pages = Self.pages
        pages["other.md"] = "---\ndisplayed_sidebar: api\n---\n# Other\n"
        pages["install.md"] = "---\ndisplayed_sidebar: null\n---\n# Install\n"
        pages["intro.md"] = "---\ndisplayed_sidebar: api\n---\n# Intro\n"
        let (site, problems) = try load(pages)
        #expect(problems.isEmpty, "\(problems)")
        #expect(site.displayedSidebar["other"] == 1)
        #expect(site.displayedSidebar["install"] == nil)
        #expect(site.sidebarItems(for: "install").isEmpty)
        // null: no sidebar and no previous/next; a sidebar that does not list the doc: no neighbours.
        #expect(site.navigation["install"]?.previous == nil && site.navigation["install"]?.next == nil)
        #expect(site.navigation["intro"]?.next == nil)
        // Others still link to the hidden doc in their own sidebar's order.
        #expect(site.navigation["run"]?.previous?.url == "/docs/install")
    }

    @Test func unknownDisplayedSidebarIsALocatedError() throws {
        var pages = Self.pages
        pages["other.md"] = "---\ntitle: Other\ndisplayed_sidebar: nope\n---\n"
        let (_, problems) = try load(pages)
        #expect(
            problems == [
                "docs/other.md:3:20: error: Doc with ID other wants to display sidebar nope but a sidebar with this name doesn't exist (the sidebars are guides, api)"
            ])
    }

    @Test func theAutogeneratedSidebarIsNamedDefaultSidebar() throws {
        let (site, problems) = try load(
            [
                "a.md": "---\ndisplayed_sidebar: defaultSidebar\n---\n# A\n",
                "b.md": "---\ndisplayed_sidebar: tutorial\n---\n# B\n",
            ], config: "title: T\n")
        #expect(site.sidebars.map(\.name) == ["defaultSidebar"])
        #expect(
            problems == [
                "docs/b.md:2:20: error: Doc with ID b wants to display sidebar tutorial but a sidebar with this name doesn't exist (the sidebars are defaultSidebar)"
            ])
    }

    @Test func badSidebarsSettingsAreLocated() throws {
        var config = SiteConfig()
        #expect(
            SiteConfigLoader.load("sidebars: [a, b]\n", path: "docket.yml", into: &config).sorted.map(\.description)
                == [
                    "docket.yml:1:11: error: 'sidebars' must be a mapping of sidebar names to lists of items, such as {docs: [intro], api: [reference]}"
                ])
        #expect(
            SiteConfigLoader.load("sidebars:\n  api: reference\n", path: "docket.yml", into: &config).sorted.map(
                \.description)
                == ["docket.yml:2:8: error: 'sidebars.api' must be a list of items"])
        #expect(
            SiteConfigLoader.load("sidebar: [a]\nsidebars:\n  api: [b]\n", path: "docket.yml", into: &config).sorted
                .map(\.description)
                == [
                    "docket.yml:2:1: error: docket.yml has both 'sidebar' and 'sidebars': keep one ('sidebar' is one sidebar named defaultSidebar)"
                ])
        #expect(
            SiteConfigLoader.load(
                "sidebars:\n  api:\n    - type: doc\n      id: b\n      customProps: loud\n", path: "docket.yml",
                into: &config
            ).sorted.map(\.description)
                == ["docket.yml:5:20: error: 'customProps' must be a mapping, not a string"])
    }

    @Test func categoryFilesAndIndexDocsGiveCustomPropsAndKeys() throws {
        let (site, problems) = try load(
            [
                "a/_category_.json": "{\"label\": \"A\", \"customProps\": {\"icon\": \"a\"}}",
                "a/index.md": "---\nsidebar_custom_props:\n  icon: ignored\nsidebar_key: a-index\n---\n# A\n",
                "a/x.md": "# X\n",
                "b/index.md": "---\nsidebar_custom_props:\n  icon: b\nsidebar_key: b-key\n---\n# B\n",
                "b/y.md": "# Y\n",
            ], config: "title: T\n")
        #expect(problems.isEmpty, "\(problems)")
        guard case .category(let a) = site.sidebar[0], case .category(let b) = site.sidebar[1] else {
            Issue.record("expected two categories")
            return
        }
        // The category file wins; without one, the index doc's front matter gives them.
        #expect((a.customProps?.templateValue as? [String: Any])?["icon"] as? String == "a")
        #expect(a.key == "a-index")
        #expect((b.customProps?.templateValue as? [String: Any])?["icon"] as? String == "b")
        #expect(b.key == "b-key")
    }

    @Test func theSingleSidebarSettingStillWorks() throws {
        let (site, problems) = try load(["a.md": "# A\n", "b.md": "# B\n"], config: "sidebar: [b, a]\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(site.sidebars.map(\.name) == ["defaultSidebar"])
        #expect(site.navigation["b"]?.next?.url == "/docs/a")
    }
}
