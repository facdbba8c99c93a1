import DocketSite
import Foundation
import Testing

@testable import DocketTheme

/// The typed template data (`MustacheParent` views) and the search index's parallel parts give
/// the same output the dictionaries and the serial code gave.
struct TemplateViewTests {
    /// A nil key is absent for the template, exactly as a missing dictionary key was: sections
    /// are skipped, inverted sections shown, and a leading-dot lookup does not fall through.
    @Test func nilKeysAreAbsent() throws {
        let theme = try Theme(
            files: [
                "templates/t.mustache":
                    "{{#page.prev}}[{{label}}|{{#.url}}{{.}}{{/.url}}{{^.url}}none{{/.url}}]{{/page.prev}}{{^page.next}}no next{{/page.next}}"
            ], displayRoot: "themes/t", overridden: [])
        var page = Self.page()
        page.prev = TemplateLink(label: "Intro")
        let document = PageDocument(site: SiteView(config: .init()), page: page)
        #expect(try theme.render("t", page: document) == "[Intro|none]no next")
        page.prev = TemplateLink(label: "A & B", url: "/a/")
        #expect(
            try theme.render("t", page: PageDocument(site: SiteView(config: .init()), page: page))
                == "[A &amp; B|/a/]no next")
    }

    /// The view and the dictionary it replaced render the same text, nested sections included.
    @Test func viewsRenderAsTheirDictionaries() throws {
        let template =
            "{{site.title}}|{{#page.toc}}<{{id}}:{{{html}}}{{#hasChildren}}({{#children}}{{id}}{{/children}}){{/hasChildren}}>{{/page.toc}}|{{#page.hasToc}}toc{{/page.hasToc}}|{{page.keywords}}|{{#page.lastUpdate}}{{#date}}on {{.}}{{/date}}{{^author}} nobody{{/author}}{{/page.lastUpdate}}"
        let theme = try Theme(files: ["templates/t.mustache": template], displayRoot: "themes/t", overridden: [])
        var page = Self.page()
        page.toc = [TOCView(id: "a", html: "<code>a</code>", children: [TOCView(id: "b", html: "b", children: [])])]
        page.hasToc = true
        page.keywords = "x, y"
        page.lastUpdate = PageView.LastUpdate(date: "May 1, 2024", iso: "2024-05-01", author: nil)
        var config = SiteConfig()
        config.title = "Docs"
        let typed = try theme.render("t", page: PageDocument(site: SiteView(config: config), page: page))
        let dictionary: [String: Any] = [
            "site": ["title": "Docs"],
            "page": [
                "toc": [
                    [
                        "id": "a", "html": "<code>a</code>", "hasChildren": true,
                        "children": [["id": "b", "html": "b", "hasChildren": false, "children": [Any]()]],
                    ]
                ],
                "hasToc": true, "keywords": "x, y", "lastUpdate": ["date": "May 1, 2024", "iso": "2024-05-01"],
            ] as [String: Any],
        ]
        #expect(typed == (try theme.render("t", dictionary)))
        #expect(typed == "Docs|<a:<code>a</code>(b)>|toc|x, y|on May 1, 2024 nobody")
    }

    /// Only U+2028/U+2029 are escaped: other characters whose UTF-8 holds the bytes 0xA8/0xA9
    /// (è, ©) stay as they are (the `where` of the old case applied to 0xA9 only).
    @Test func quotingKeepsOtherCharactersWithTheSameBytes() {
        #expect(JSONStringLiteral.quoted("crème ¨ ©") == "\"crème ¨ ©\"")
        #expect(JSONStringLiteral.quoted("a\u{2028}b\u{2029}c") == "\"a\\u2028b\\u2029c\"")
        #expect(JSONStringLiteral.quoted("\"\\\n\r\t\u{1}") == "\"\\\"\\\\\\n\\r\\t\\u0001\"")
    }

    /// Postings merged per chunk keep every section, in ascending order, across chunk borders.
    @Test func postingsAcrossChunksStayInSectionOrder() {
        let count = SearchIndex.postingsChunk * 2 + 3
        let sections = (0..<count).map {
            SearchSection(page: $0, heading: "", anchor: "", text: $0 % 2 == 0 ? "even word" : "odd word")
        }
        let postings = SearchIndex.postings(of: sections)
        #expect(postings["word"]?.map { $0 >> 4 } == Array(0..<count))
        #expect(postings["even"]?.map { $0 >> 4 } == Array(stride(from: 0, to: count, by: 2)))
        #expect(postings["odd"]?.count == count / 2)
        #expect(SearchIndex.postings(of: []).isEmpty)
    }

    private static func page() -> PageView {
        PageView(
            title: "T", htmlTitle: "T", url: "/t/", noindex: false, unlisted: false, draft: false, contentHTML: "",
            tags: [], hasToc: false, toc: [], breadcrumbs: [], sidebarHTML: "", hasMermaid: false, hasTabs: false,
            mermaidScriptUrl: "")
    }
}
