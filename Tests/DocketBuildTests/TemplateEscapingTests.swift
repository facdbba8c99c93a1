import DocketDiagnostics
import Testing

@testable import DocketTheme

/// Every template escapes `{{…}}` values with `HTMLEscaping` (added as a pragma line before
/// each template): it must give exactly what swift-mustache's own escaping gave, and template
/// errors must keep their lines.
struct TemplateEscapingTests {
    /// swift-mustache's HTML escaping as it is written there: each Character looked up.
    static func reference(_ text: String) -> String {
        let table: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        var escaped = ""
        for character in text {
            if let replacement = table[character] { escaped += replacement } else { escaped.append(character) }
        }
        return escaped
    }

    static let samples = [
        "plain", "", "a<b>&\"'c", "&amp;", "é<ü>", "<\u{338}not a tag", "'quoted' \"twice\"", "tab\tnew\nline", "🙂&🙂",
    ]

    @Test(arguments: samples) func escapingIsSwiftMustachesOwn(_ value: String) throws {
        let theme = try Theme(
            files: ["templates/t.mustache": "[{{v}}|{{{v}}}]"], displayRoot: "themes/t", overridden: [])
        #expect(try theme.render("t", ["v": value] as Any) == "[\(Self.reference(value))|\(value)]")
        #expect(HTMLEscaping().escapeText(value) == Self.reference(value))
    }

    @Test func aCombiningMarkKeepsItsAngleBracket() {
        // `<` followed by U+0338 is one character (≮ decomposed): swift-mustache leaves it.
        #expect(HTMLEscaping().escapeText("a<\u{338}b<c") == "a<\u{338}b&lt;c")
    }

    @Test func partialsEscapeTooAndThePragmaLeavesNoText() throws {
        let theme = try Theme(
            files: ["templates/t.mustache": "{{! first line }}\n<{{> p}}>\n", "templates/p.mustache": "{{v}}"],
            displayRoot: "themes/t", overridden: [])
        #expect(try theme.render("t", ["v": "&"] as Any) == "<&amp;>\n")
    }

    @Test(arguments: [("line one\n  {{/x}}\n", 2, 6), ("{{#a}}\n", 2, 1), ("{{a", 1, 4)])
    func aTemplateErrorKeepsItsLine(_ text: String, _ line: Int, _ column: Int) {
        do {
            _ = try Theme(
                files: ["templates/t.mustache": text], displayRoot: "themes/t", overridden: ["templates/t.mustache"])
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.location == SourceLocation(path: "themes/t/templates/t.mustache", line: line, column: column))
        }
    }
}
