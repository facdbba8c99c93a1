import DocketBuild
import DocketRunbooks
import DocketSite
import DocketTestSupport
import Foundation
import Testing

@testable import DocketTheme

/// The typed views of the category, tag, 404 and redirect pages, the runbook banner, sidebar
/// items and custom props render exactly as the dictionaries they replaced: the same keys are
/// present (a missing key falls through to the outer context, so an extra `false` would change
/// output), with the same values.
struct TypedTemplateDataTests {
    private static func theme(_ template: String) throws -> Theme {
        try Theme(files: ["templates/t.mustache": template], displayRoot: "themes/t", overridden: [])
    }

    /// Sections and inverted sections of every key a doc page has, some of which a category page
    /// lacks; the outer `x` answers for the keys that fall through.
    static let keyProbe = [
        "title", "htmlTitle", "url", "noindex", "unlisted", "draft", "contentHTML", "tags", "hasTags",
        "hasToc", "toc", "sidebarHTML", "hasMermaid", "hasTabs", "mermaidScriptUrl", "cards", "breadcrumbs",
        "noBreadcrumbs", "description", "canonicalUrl", "prev", "next", "runbook", "versionBadge", "target",
    ]
    .map { "\($0):{{#page}}{{#\($0)}}+{{/\($0)}}{{^\($0)}}-{{/\($0)}}{{/page}}" }.joined(separator: " ")

    @Test func aCardsPageHasTheKeysItsDictionaryHad() throws {
        let theme = try Self.theme(
            Self.keyProbe + "|{{#page.cards}}[{{label}}{{#.description}}:{{.}}{{/.description}}]{{/page.cards}}")
        let cards = [CardView(label: "A & B", url: "/a", description: "first"), CardView(label: "C", url: "/c")]
        var page = CardsPageView(
            title: "T", htmlTitle: "T | S", url: "/t", sidebarHTML: "<li>", cards: cards,
            breadcrumbs: [TemplateLink(label: "T")], description: nil)
        page.next = TemplateLink(label: "N", url: "/n")
        let typed = try theme.render("t", CardsPageDocument(site: SiteView(config: .init()), page: page))
        let dictionary: [String: Any] = [
            "site": ["title": ""],
            "page": [
                "title": "T", "htmlTitle": "T | S", "url": "/t", "noindex": false, "unlisted": false, "draft": false,
                "contentHTML": "",
                "tags": [Any](), "hasTags": false, "hasToc": false, "toc": [Any](), "sidebarHTML": "<li>",
                "hasMermaid": false,
                "mermaidScriptUrl": "",
                "cards": [["label": "A & B", "url": "/a", "description": "first"], ["label": "C", "url": "/c"]],
                "breadcrumbs": [["label": "T"]], "next": ["label": "N", "url": "/n"],
            ] as [String: Any],
        ]
        #expect(typed == (try theme.render("t", dictionary as Any)))
        #expect(typed.hasSuffix("|[A &amp; B:first][C]"))
        #expect(typed.contains("hasTabs:- ") && typed.contains("noBreadcrumbs:- ") && typed.contains("next:+ "))
    }

    @Test func theNotFoundAndRedirectPagesHaveTheKeysTheirDictionariesHad() throws {
        let theme = try Self.theme(Self.keyProbe + "|{{target}}|{{page.htmlTitle}}")
        let plain = PlainPageDocument(
            site: SiteView(config: .init()), page: PlainPageView(title: "Gone", htmlTitle: "Gone | S"), target: nil)
        let dictionary: [String: Any] = [
            "site": ["title": ""],
            "page": ["title": "Gone", "htmlTitle": "Gone | S", "sidebarHTML": "", "noindex": true] as [String: Any],
        ]
        #expect(try theme.render("t", plain) == (try theme.render("t", dictionary as Any)))
        var redirect = plain
        redirect.target = "/docs/a%20b"
        var redirectDictionary = dictionary
        redirectDictionary["target"] = "/docs/a%20b"
        let typed = try theme.render("t", redirect)
        #expect(typed == (try theme.render("t", redirectDictionary as Any)))
        #expect(typed.hasSuffix("|/docs/a%20b|Gone | S"))
    }

    @Test func aRunbookBannerWithoutItsFormLeavesTheFormKeysAbsent() throws {
        let template =
            "{{#page.runbook}}{{id}} {{stepCount}} {{title}}:{{#hasParameters}}P{{/hasParameters}}{{^hasParameters}}none{{/hasParameters}}{{#description}}|{{.}}{{/description}}{{/page.runbook}}"
        let theme = try Self.theme(template)
        var view = PageView(
            title: "T", htmlTitle: "T", url: "/t/", noindex: false, unlisted: false, draft: false, contentHTML: "",
            tags: [], hasToc: false, toc: [], breadcrumbs: [], sidebarHTML: "", hasMermaid: false, hasTabs: false,
            mermaidScriptUrl: "")
        view.description = "page text"
        view.runbook = RunbookBannerView(
            id: "deploy", title: "Deploy", scriptUrl: "/runbooks/deploy.sh", stepCount: 3, form: nil)
        // Without the form, `description` is absent (it falls through to the root, which has none).
        let typed = try theme.render("t", page: PageDocument(site: SiteView(config: .init()), page: view))
        let dictionary: [String: Any] = [
            "page": [
                "description": "page text",
                "runbook": [
                    "id": "deploy", "title": "Deploy", "scriptUrl": "/runbooks/deploy.sh", "stepCount": 3,
                ] as [String: Any],
            ] as [String: Any]
        ]
        #expect(typed == (try theme.render("t", dictionary as Any)))
        #expect(typed == "deploy 3 Deploy:none")
        view.runbook?.form = RunbookBannerView.Form(parameters: [], json: "{}", description: "Ships it")
        #expect(
            try theme.render("t", page: PageDocument(site: SiteView(config: .init()), page: view))
                == "deploy 3 Deploy:none|Ships it")
    }

    /// The parameter rows of a small runbook page: every kind of parameter field, and a parameter
    /// given by a step. Also the rows `PageHTMLTests` varies.
    static func deployParameterRows() throws -> [RunbookParameterView] {
        let text = """
            ---
            title: Deploy
            runbook:
              id: deploy
              title: Deploy
              params:
                HOST: { example: app.example.com, description: Host, pattern: '^[a-z.]+$', choices: [a, b] }
                TOKEN: { example: '', description: Token, secret: true, default: x }
                KEY: { description: The key }
            ---

            ```bash step=fetch
            curl https://app.example.com/
            ```

            ```text step=get-key manual produces=KEY
            Copy the key.
            ```

            """
        let parsed = PageParser.parse(text: text, source: "deploy.md", displayPath: "content/deploy.md")
        let runbook = try #require(RunbookExtractor.extract(parsed, sourceLabel: "content/deploy.md").0)
        return RunbookPageData(runbook: runbook).parameters
    }

    @Test func parameterRowsHaveOnlyTheKeysThatHaveValues() throws {
        let rows = try Self.deployParameterRows()
        let theme = try Self.theme(
            "{{#rows}}{{name}}/{{inputType}}/{{#example}}e={{.}}{{/example}}{{#default}}d={{.}}{{/default}}{{#pattern}}p={{.}}{{/pattern}}{{#choices}}c={{.}}{{/choices}}{{#producedBy}}by={{.}}{{/producedBy}};{{/rows}}"
        )
        #expect(
            try theme.render("t", ["rows": rows] as Any)
                == "HOST/text/e=app.example.com p=^[a-z.]+$c=a, b;TOKEN/password/d=x;KEY/text/by=get-key;"
                .replacingOccurrences(of: " p=", with: "p="))
    }

    /// Custom props read as the Foundation values they used to be handed as (numbers as
    /// `Double`), except YAML null, which is now absent instead of the text `nil`.
    @Test func customPropsRenderAsTheirFoundationValues() throws {
        let props = CustomProps.object([
            ("icon", .string("<b>")), ("n", .number(3)), ("yes", .bool(true)), ("no", .bool(false)),
            ("list", .list([.string("a"), .number(2), .bool(true)])), ("empty", .list([])),
            ("nested", .object([("x", .string("y")), ("x", .string("last"))])),
        ])
        let template =
            "{{#p}}{{icon}}|{{{icon}}}|{{n}}|{{#yes}}Y{{/yes}}{{^no}}N{{/no}}|{{#list}}<{{.}}>{{/list}}|{{^empty}}E{{/empty}}|{{nested.x}}|{{#nested}}{{x}}{{/nested}}{{/p}}"
        let theme = try Self.theme(template)
        let typed = try theme.render("t", ["p": CustomPropsView(props)] as Any)
        let dictionary: [String: Any] = [
            "p": [
                "icon": "<b>", "n": 3.0, "yes": true, "no": false, "list": ["a", 2.0, true] as [Any],
                "empty": [Any](), "nested": ["x": "last"],
            ] as [String: Any]
        ]
        #expect(typed == (try theme.render("t", dictionary as Any)))
        #expect(typed == "&lt;b&gt;|<b>|3.0|YN|<a><2.0><true>|E|last|last")
        let null = try Self.theme("{{#p.gone}}yes{{/p.gone}}{{^p.gone}}none{{/p.gone}}[{{p.gone}}]")
        #expect(try null.render("t", ["p": CustomPropsView(.object([("gone", .null)]))] as Any) == "none[]")
    }

    /// A theme's sidebar item template reads the item's custom props (front matter and
    /// `_category_.yml`) through a real build.
    @Test func aThemeReadsCustomPropsOfSidebarItems() throws {
        let root = Fixtures.temporaryDirectory("custom-props")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            [
                "docket.yml": "title: T\ntheme: p\n",
                "content/intro.md":
                    "---\nsidebar_custom_props:\n  icon: book\n  n: 3\n  list: [a, true]\n---\n# Intro\n",
                "content/guide/_category_.yml": "label: Guide\ncustomProps:\n  kind: cat\n",
                "content/guide/one.md": "# One\n",
                "themes/p/templates/sidebar-items.mustache":
                    "<li>{{label}}{{#customProps}}[{{icon}}|{{n}}|{{#list}}<{{.}}>{{/list}}|{{kind}}]{{/customProps}}{{{itemsHTML}}}</li>",
            ], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("_site").path
        let result = SiteBuilder.build(options)
        #expect(result.succeeded, "\(result.diagnostics.all)")
        let html = try String(
            contentsOf: root.appendingPathComponent("_site/docs/guide/one/index.html"), encoding: .utf8)
        #expect(html.contains("<li>Intro[book|3.0|<a><true>|]</li>"), "\(html)")
        #expect(html.contains("<li>Guide[|||cat]<li>One</li></li>"))
    }

    @Test func aMissingTemplateIsATypedError() throws {
        let theme = try Self.theme("x")
        let plain = PlainPageDocument(
            site: SiteView(config: .init()), page: PlainPageView(title: "", htmlTitle: ""), target: nil)
        #expect(throws: ThemeError.self) { try theme.render("404", plain) }
    }
}
