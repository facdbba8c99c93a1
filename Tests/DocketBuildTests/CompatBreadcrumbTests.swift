import DocketBuild
import DocketDiagnostics
import DocketTestSupport
import Foundation
import Testing

/// Breadcrumbs follow Docusaurus's `getSidebarBreadcrumbs`: a generated-index page shows its
/// parent categories like a doc does, and a page that is a category's link ends the chain with
/// the category's label rather than its own title.
@Suite struct CompatBreadcrumbTests {
    /// The labels of the crumbs after the home icon, a link marked with its href.
    private func crumbs(_ html: String) -> [String] {
        guard let start = html.range(of: "<nav class=\"breadcrumbs\""),
            let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
        else { return [] }
        let nav = html[start.upperBound..<end.lowerBound]
        return nav.components(separatedBy: "<li class=\"breadcrumbs__item\">").dropFirst().map { item in
            let text = item.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if let href = item.range(of: "href=\"([^\"]*)\"", options: .regularExpression) {
                return text + " @" + item[href].dropFirst(6).dropLast()
            }
            return text
        }
    }

    @Test func categoryPagesAndLinkedDocsAreCrumbedLikeDocusaurus() throws {
        let root = Fixtures.temporaryDirectory("compat-crumbs")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "docket.yml": """
                title: B
                url: https://b.example
                sidebar:
                  - type: category
                    label: Guides
                    items:
                      - type: category
                        label: Advanced
                        link: {type: generated-index}
                        items: [deep]
                  - type: category
                    label: API Reference
                    link: {type: doc, id: reference}
                    items: [cli]
                """,
                "docs/deep.md": "# Deep dive\n",
                "docs/reference.md": "# The reference\n",
                "docs/cli.md": "# The CLI\n",
            ], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("out").path
        let result = SiteBuilder.build(options)
        #expect(result.diagnostics.sorted.isEmpty, "\(result.diagnostics.sorted.map(\.description))")
        func page(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent("out/\(path)/index.html"), encoding: .utf8)
        }
        #expect(crumbs(try page("docs/category/advanced")) == ["Guides", "Advanced"])
        #expect(crumbs(try page("docs/deep")) == ["Guides", "Advanced @/docs/category/advanced", "Deep dive"])
        #expect(crumbs(try page("docs/reference")) == ["API Reference"])
        #expect(crumbs(try page("docs/cli")) == ["API Reference @/docs/reference", "The CLI"])
    }

    @Test func aCategoryPageNoSidebarListsKeepsItsTitleOnly() throws {
        let root = Fixtures.temporaryDirectory("compat-crumbs-tags")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "docket.yml": "title: B\nurl: https://b.example\n",
                "docs/a.md": "---\ntags: [ops]\n---\n# A\n",
            ], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("out").path
        _ = SiteBuilder.build(options)
        let tag = try String(contentsOf: root.appendingPathComponent("out/docs/tags/ops/index.html"), encoding: .utf8)
        #expect(crumbs(tag) == ["Tagged “ops”"])
    }
}
