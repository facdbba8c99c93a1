import DocketBuild
import DocketDiagnostics
import DocketTestSupport
import Foundation
import Testing

/// `<DocCardList/>` with several sidebars: the category is looked for in the sidebar the page
/// displays (not only the first one), and on a page that is no category's index the list
/// would be empty, which is a located warning.
@Suite struct CompatDocCardTests {
    @Test func cardsComeFromThePagesOwnSidebarAndAnEmptyListIsReported() throws {
        let root = Fixtures.temporaryDirectory("compat-doccards")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "docket.yml": """
                title: R
                url: https://r.example
                sidebars:
                  guides: [intro]
                  api:
                    - type: category
                      label: Reference
                      link: {type: doc, id: reference}
                      items: [cli]
                """,
                "docs/intro.mdx": "# Intro\n\nimport DocCardList from '@theme/DocCardList';\n\n<DocCardList />\n",
                "docs/reference.mdx":
                    "# Reference\n\nimport DocCardList from '@theme/DocCardList';\n\n<DocCardList />\n",
                "docs/cli.md": "# The CLI\n",
            ], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("out").path
        let result = SiteBuilder.build(options)
        let problems = result.diagnostics.sorted.map(\.description)
        #expect(problems.count == 1, "\(problems)")
        #expect(
            problems.first?.contains(
                "docs/intro.mdx:5:1: warning: <DocCardList/> shows the items of the sidebar category") == true,
            "\(problems)")
        let reference = try String(
            contentsOf: root.appendingPathComponent("out/docs/reference/index.html"), encoding: .utf8)
        #expect(reference.contains("The CLI") && reference.contains("href=\"/docs/cli\""), "no card for cli")
    }
}
