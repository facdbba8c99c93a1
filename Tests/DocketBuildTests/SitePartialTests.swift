import DocketBuild
import DocketSite
import DocketTestSupport
import Foundation
import Testing

@testable import DocketTheme

/// The navbar, footer and drawer header are rendered once per build when nothing they show can
/// differ between pages (`Theme.bound`): every page is then the same as one rendered with the
/// theme as written, and any theme the reading cannot vouch for renders per page as before.
@Suite struct SitePartialTests {
    static let config = """
        title: "Ops <docs> {{not a tag}} & more"
        navbar:
          - label: Guides
            to: /docs/intro
          - label: "GitHub \\"repo\\""
            href: https://github.com/example/repo
        footer:
          links:
            - label: Status
              href: https://status.example.com
            - label: Intro
              to: /docs/intro
          copyright: "2026 Example <Ops>"
        """

    static let pages = [
        "content/intro.md": "# Intro\n\n## First\n\nText.\n",
        "content/guides/_category_.yml": "label: Guides\nlink:\n  type: generated-index\n",
        "content/guides/setup.md": "---\ntitle: Setup {{x}}\ntags: [ops]\n---\n\nSet up.\n",
    ]

    func site(config: String = config, extra: [String: String] = [:]) throws -> Site {
        let root = Fixtures.temporaryDirectory("site-partials")
        defer { try? FileManager.default.removeItem(at: root) }
        var files = Self.pages.merging(extra) { _, new in new }
        files["docket.yml"] = config
        try Fixtures.write(files, under: root)
        var options = BuildOptions()
        options.root = root.path
        return try SiteLoader.load(options).site
    }

    /// Every doc page rendered with `theme` and with the same theme bound to the site.
    func pagesBothWays(_ site: Site, theme: Theme, versioned: Bool = false) throws -> (Theme, [(String, String)]) {
        let context = try PageContext(site: site, theme: theme)
        let bound = theme.bound(to: context, versioned: versioned)
        var pairs: [(String, String)] = []
        for page in site.pages {
            let resolved = LinkResolver(site: site).resolve(page)
            let data = try context.page(resolved)
            pairs.append((try theme.render("page", page: data), try bound.render("page", page: data)))
        }
        let plain = context.plainPage(title: "Page Not Found")
        pairs.append((try theme.render("404", plain), try bound.render("404", plain)))
        return (bound, pairs)
    }

    @Test func theBuiltInThemeRendersItsSitePartialsOnceAndPagesAreTheSame() throws {
        let site = try site()
        let (bound, pairs) = try pagesBothWays(site, theme: .builtIn)
        #expect(bound.siteRendered.sorted() == ["footer", "navbar", "sidebar-drawer"])
        for (written, fast) in pairs {
            #expect(fast == written)
            #expect(
                written.contains("Ops &lt;docs&gt; {{not a tag}} &amp; more"),
                "a title that looks like a tag stays text")
            #expect(written.contains("2026 Example &lt;Ops&gt;"))
        }
    }

    @Test func aVersionedSiteKeepsTheNavbarPerPage() throws {
        let (bound, _) = try pagesBothWays(try site(), theme: .builtIn, versioned: true)
        #expect(bound.siteRendered.sorted() == ["footer", "sidebar-drawer"], "the version menu is in the navbar")
    }

    @Test func aFooterThatReadsThePageIsRenderedPerPage() throws {
        let footer = "<footer>{{site.title}} / {{page.title}}</footer>\n"
        let theme = try Theme.load(
            name: "t", directory: "/site/themes/t", folder: ["templates/footer.mustache": footer])
        let site = try site()
        let (bound, pairs) = try pagesBothWays(site, theme: theme)
        #expect(!bound.siteRendered.contains("footer") && bound.siteRendered.contains("navbar"))
        for (written, fast) in pairs { #expect(fast == written) }
        #expect(pairs.contains { $0.1.contains("/ Intro</footer>") }, "each page shows its own title")
        #expect(pairs.contains { $0.1.contains("/ Setup {{x}}</footer>") })
    }

    @Test func anOverriddenSitePartialThatReadsOnlyTheSiteIsRenderedOnce() throws {
        let navbar = "<nav>{{#site.navbar}}<a href=\"{{url}}\">{{label}}</a>{{/site.navbar}}</nav>\n"
        let theme = try Theme.load(
            name: "t", directory: "/site/themes/t", folder: ["templates/navbar.mustache": navbar])
        let (bound, pairs) = try pagesBothWays(try site(), theme: theme)
        #expect(bound.siteRendered.contains("navbar"))
        for (written, fast) in pairs { #expect(fast == written) }
    }

    @Test(arguments: [
        // The including template is the theme's own: its context or indentation may differ.
        ["templates/page.mustache": "<body>{{#page.title}}{{> footer}}{{/page.title}}</body>\n"],
        ["templates/404.mustache": "<body>\n  {{> footer}}\n</body>\n"],
        // A template the reading cannot follow could include anything.
        ["templates/extra.mustache": "{{=<% %>=}}<% page.title %>\n"],
    ])
    func anyTemplateOnTheWayThatIsNotBuiltInKeepsThePartialPerPage(_ folder: [String: String]) throws {
        let theme = try Theme.load(name: "t", directory: "/site/themes/t", folder: folder)
        let (bound, pairs) = try pagesBothWays(try site(), theme: theme)
        #expect(!bound.siteRendered.contains("footer"))
        for (written, fast) in pairs { #expect(fast == written) }
    }

    @Test func textHoldingTheLiteralsDelimiterIsRenderedPerPage() throws {
        // YAML refuses control characters, so the title is set on the data itself.
        var config = try site().config
        config.title = "Ops \u{1} docs"
        let bound = Theme.builtIn.bound(to: SiteView(config: config), versioned: false)
        #expect(bound.siteRendered == ["footer"], "the navbar and drawer show the title")
    }

    @Test func everyBuiltInTemplateIsReadable() throws {
        for (path, text) in Theme.builtIn.files where path.hasSuffix(".mustache") {
            #expect(TemplateScope.scan(text) != nil, "\(path)")
        }
    }

    @Test func theReadingOfATemplate() throws {
        let scope = try #require(
            TemplateScope.scan(
                """
                {{! a comment with {{page.title}} in it }}
                {{> head}}
                {{#site.navbar}}{{url}}{{> icon}}{{/site.navbar}}
                  {{> indented}}
                x {{> inline}}
                {{{site.title}}} {{&site.tagline}} {{ uppercased(site.title) }}
                {{#docsVersion}}{{label}}{{/docsVersion}}
                """))
        #expect(!scope.readsPage && scope.readsDocsVersion)
        #expect(
            scope.inclusions == [
                .init(name: "head", topLevel: true), .init(name: "icon", topLevel: false),
                .init(name: "indented", topLevel: false), .init(name: "inline", topLevel: false),
            ])
        for reading in [
            "{{page.url}}", "{{#page.toc}}x{{/page.toc}}", "{{^target}}x{{/target}}", "{{.}}", "{{.title}}",
            "{{ lowercased(page.title) }}", "{{{page.contentHTML}}}",
        ] {
            #expect(TemplateScope.scan(reading)?.readsPage == true, "\(reading)")
        }
        #expect(TemplateScope.scan("{{#site.logo}}{{.alt}}{{/site.logo}}")?.readsPage == false, "a dot in a section")
        for unreadable in [
            "{{=<% %>=}}", "{{>*dynamic}}", "{{<parent}}{{/parent}}", "{{$block}}{{/block}}", "{{open", "{{#a}}",
        ] {
            #expect(TemplateScope.scan(unreadable) == nil, "\(unreadable)")
        }
    }
}
