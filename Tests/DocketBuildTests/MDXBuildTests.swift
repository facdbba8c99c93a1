import DocketBuild
import DocketTestSupport
import Foundation
import Testing

/// The MDX components in a built site: cards from the sidebar, tabs.js only where tabs are, and
/// `markdown.mdx.unknownComponents` choosing between errors and warnings.
@Suite struct MDXBuildTests {
    private struct Built {
        var result: BuildResult
        var root: URL
        func page(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent("_site/" + path), encoding: .utf8)
        }
    }

    private func build(_ files: [String: String], config: String = "title: T\n") throws -> Built {
        let root = Fixtures.temporaryDirectory()
        try Fixtures.write(files.merging(["docket.yml": config]) { a, _ in a }, under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("_site").path
        return Built(result: SiteBuilder.build(options), root: root)
    }

    private let guide = [
        "docs/guide/index.mdx":
            "---\ntitle: Guide\n---\nimport DocCardList from '@theme/DocCardList';\n\n# Guide\n\n<DocCardList />\n",
        "docs/guide/setup.md": "---\ndescription: Install it\n---\n# Setup\n\nText.\n",
        "docs/guide/tabs.mdx":
            "# Tabs\n\n<Tabs groupId=\"os\">\n<TabItem value=\"a\">A</TabItem>\n<TabItem value=\"b\">B</TabItem>\n</Tabs>\n",
    ]

    @Test func docCardListShowsTheCategoryItems() throws {
        let built = try build(guide)
        defer { try? FileManager.default.removeItem(at: built.root) }
        #expect(built.result.succeeded, "\(built.result.diagnostics.all)")
        let html = try built.page("docs/guide/index.html")
        #expect(
            html.contains(
                "<a class=\"card\" href=\"/docs/guide/setup\"><h2 class=\"card__title\">Setup</h2><p class=\"card__description\">Install it</p></a>"
            ), "\(html)")
        #expect(html.contains("href=\"/docs/guide/tabs\""))
    }

    @Test func tabsScriptOnlyOnPagesWithTabs() throws {
        let built = try build(guide)
        defer { try? FileManager.default.removeItem(at: built.root) }
        #expect(try built.page("docs/guide/tabs/index.html").contains("tabs.js\" defer></script>"))
        #expect(try !built.page("docs/guide/setup/index.html").contains("tabs.js"))
        #expect(
            FileManager.default.fileExists(
                atPath: built.root.appendingPathComponent("_site/assets/docket/tabs.js").path))
    }

    @Test func unknownComponentsAreErrorsByDefaultAndWarningsOnRequest() throws {
        let files = [
            "docs/a.mdx":
                "import Chart from '@site/src/Chart';\n\n# A\n\n<Chart\n  data={[1, 2]}\n/>\n\nHello {name}.\n"
        ]
        let strict = try build(files)
        defer { try? FileManager.default.removeItem(at: strict.root) }
        #expect(!strict.result.succeeded)
        let errors = strict.result.diagnostics.errors.map(\.description)
        #expect(
            errors.contains {
                $0.hasSuffix(
                    "docs/a.mdx:1:1: error: docket cannot import '@site/src/Chart' (only the @theme components Tabs, TabItem, DocCardList, DocCard, Details, Admonition, CodeBlock and TOCInline are built in); the page would render wrong"
                )
            }, "\(errors)")
        #expect(
            errors.contains { $0.contains("docs/a.mdx:5:1: error: docket cannot render the component <Chart>") },
            "\(errors)")
        #expect(
            errors.contains { $0.contains("docs/a.mdx:9:7: error: docket cannot evaluate the MDX expression {name}") },
            "\(errors)")

        let lenient = try build(files, config: "title: T\nmarkdown:\n  mdx:\n    unknownComponents: warn\n")
        defer { try? FileManager.default.removeItem(at: lenient.root) }
        #expect(lenient.result.succeeded, "\(lenient.result.diagnostics.all)")
        #expect(lenient.result.diagnostics.warnings.count >= 3)
    }

    @Test func aBadSwitchValueIsLocated() throws {
        let built = try build(
            ["docs/a.md": "# A\n"], config: "title: T\nmarkdown:\n  mdx:\n    unknownComponents: sometimes\n")
        defer { try? FileManager.default.removeItem(at: built.root) }
        #expect(
            built.result.diagnostics.errors.map(\.description).contains {
                $0.hasSuffix(
                    "docket.yml:4:24: error: 'markdown.mdx.unknownComponents' is 'sometimes'; it must be error or warn")
            },
            "\(built.result.diagnostics.all)")
    }
}
