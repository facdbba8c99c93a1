import DocketDiagnostics
import Foundation
import Testing

@testable import DocketServe

/// The preview's error page: the source around each problem, the column marked, dark mode and a
/// phone viewport.
@Suite struct ProblemPageTests {
    private func folder(with text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "docket-problem-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("docs/a.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func showsTheLinesAroundTheProblemWithTheColumnMarked() throws {
        let root = try folder(with: "---\ntitle: A\n---\n\nSee [b](./b.md) & <c>.\nlast\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let diagnostic = Diagnostic(
            .error, at: SourceLocation(path: "docs/a.md", line: 5, column: 5), "broken link './b.md'")
        let problem = ShownProblem(diagnostic, folders: [root])
        #expect(problem.excerpt.map(\.number) == [3, 4, 5, 6])
        #expect(problem.excerpt[2].text == "See [b](./b.md) & <c>.")
        let page = PreviewPages.problems([problem], version: 7)
        #expect(page.contains("<h2>docs/a.md:5:5: error: broken link './b.md'</h2>"))
        #expect(
            page.contains(#"<span class="line here"><span class="number">5</span>See [b](./b.md) &amp; &lt;c&gt;."#))
        #expect(page.contains("<span class=\"number\"></span>    ^"), "the caret under column 5")
        #expect(page.contains("prefers-color-scheme:dark"))
        #expect(page.contains(#"name="viewport""#))
        #expect(page.contains("/__docket/reload.js"))
    }

    @Test func aProblemWithoutAReadableFileHasNoExcerpt() {
        let missing = ShownProblem(
            Diagnostic(.error, at: SourceLocation(path: "docs/none.md", line: 2, column: 1), "x"), folders: [])
        #expect(missing.excerpt.isEmpty)
        let whole = ShownProblem(
            Diagnostic(.error, at: SourceLocation(path: "docket.yml", line: 0, column: 0), "x"), folders: [])
        #expect(whole.excerpt.isEmpty)
        #expect(PreviewPages.problems([missing, whole], version: 1).contains("<h2>docs/none.md:2:1: error: x</h2>"))
    }
}
