import DocketDiagnostics
import DocketSite
import DocketTestSupport
import Foundation
import Testing

/// Broken links are reported at the exact line and byte column of their `[`, whatever holds
/// them: list items, block quotes, nested lists, tab indentation and lazy continuation lines
/// (cmark-gfm counts columns on a paragraph's later lines from the wrong place).
@Suite struct DiagnosticColumnTests {
    private func locations(_ markdown: String) throws -> [String] {
        let (_, diagnostics) = try SiteFixture.load(files: ["docs/a.md": markdown])
        return diagnostics.sorted.filter { $0.message.contains("broken link") }.map {
            "\($0.location.line):\($0.location.column)"
        }
    }

    /// Each case: the Markdown, and where its broken link's `[` is.
    static let cases: [(String, String)] = [
        ("- item\n  [x](./n.md)\n", "2:3"),
        ("- item\n[x](./n.md)\n", "2:1"),
        ("- item\nsee [x](./n.md)\n", "2:5"),
        ("1. item\n   [x](./n.md)\n", "2:4"),
        ("1. item\n [x](./n.md)\n", "2:2"),
        ("10) item\n    two [x](./n.md)\n", "2:9"),
        ("> quote\n> [x](./n.md)\n", "2:3"),
        ("> quote\n[x](./n.md)\n", "2:1"),
        ("> quote\n  [x](./n.md)\n", "2:3"),
        ("> - item\n> more [x](./n.md)\n", "2:8"),
        ("> - item\nlazy [x](./n.md)\n", "2:6"),
        ("- a\n  - b\n    [x](./n.md)\n", "3:5"),
        ("- a\n  - b\n[x](./n.md)\n", "3:1"),
        ("- a\n  - b\n   [x](./n.md)\n", "3:4"),
        ("-\titem\n\t[x](./n.md)\n", "2:2"),
        ("- a\n\t- b\n\t  c [x](./n.md)\n", "3:6"),
        ("para\n   [x](./n.md)\n", "2:4"),
        ("para\n\t[x](./n.md)\n", "2:2"),
        ("para *em\n  [x](./n.md)*\n", "2:3"),
        ("Title [x](./n.md)\n=====\n", "1:7"),
        ("- item [x](./n.md)\n", "1:8"),
        ("---\ntitle: T\n---\n- item\n  text\nlazy [x](./n.md)\n", "6:6"),
        ("| a | b |\n|---|---|\n| x | [x](./n.md) |\n", "3:7"),
        ("> > a\nb [x](./n.md)\n", "2:3"),
        ("> > a\n> b [x](./n.md)\n", "2:5"),
        ("text[^1]\n\n[^1]: note\n    more [x](./n.md)\n", "4:10"),
        ("- a\n  > q\n  r [x](./n.md)\n", "3:5"),
        ("- a\n  > q\nr [x](./n.md)\n", "3:3"),
        ("**bold\ntext** [x](./n.md)\n", "2:8"),
        ("a `code\nspan` [x](./n.md)\n", "2:7"),
        ("a <span\nclass=\"x\"> [x](./n.md)\n", "2:12"),
        ("[multi\nline](./n.md)\n", "1:1"),
        ("- item\n[multi\nline](./n.md)\n", "2:1"),
        ("- item\n  ![an\n  image](./n.png)\n", "2:3"),
    ]

    @Test(arguments: cases.indices)
    func brokenLinkColumnIsExact(_ index: Int) throws {
        let (markdown, expected) = Self.cases[index]
        #expect(try locations(markdown) == [expected], "\(markdown.debugDescription)")
    }

    @Test func everyLinkOnALazyLineKeepsItsOwnColumn() throws {
        #expect(try locations("- item\n[a](./n.md) and [b](./m.md)\n") == ["2:1", "2:17"])
    }
}
