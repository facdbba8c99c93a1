import DocketHighlight
import DocketTestSupport
import Foundation
import Testing

/// content/writing/code-highlighting.md lists every language alias and token class; these tests
/// fail when the code grows one the page does not mention.
@Suite struct HighlightDocsTests {
    static func page() throws -> String {
        try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("content/writing/code-highlighting.md"),
            encoding: .utf8)
    }

    @Test func everyAliasIsDocumented() throws {
        let page = try Self.page()
        for language in Language.allCases {
            for alias in language.aliases {
                #expect(page.contains("`\(alias)`"), "\(alias) (\(language)) is missing from code-highlighting.md")
            }
        }
    }

    @Test func everyTokenClassIsDocumented() throws {
        let page = try Self.page()
        for kind in TokenKind.allCases where kind != .plain {
            #expect(
                page.contains("`tok-\(kind.rawValue)`"), "tok-\(kind.rawValue) is missing from code-highlighting.md")
        }
    }

    @Test func everyTokenClassHasAThemeColourOrStyle() throws {
        let css = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("themes/default/assets/docket.css"), encoding: .utf8
        )
        for kind in TokenKind.allCases where kind != .plain {
            #expect(css.contains(".tok-\(kind.rawValue)"), "no .tok-\(kind.rawValue) rule in the default theme")
        }
    }
}
