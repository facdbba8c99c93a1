import DocketBuild
import DocketSite
import DocketTestSupport
import Foundation
import Testing

@testable import DocketTheme

/// What a runbook page carries for its parameter form, and the other reader-facing page parts of
/// issue 11 (canonical URL, sitemap, category page navigation).
@Suite struct RunbookPageTests {
    static let page = """
        ---
        title: Deploy
        runbook:
          id: deploy
          title: Deploy
          params:
            HOST: { example: app.example.com, description: Public host, pattern: '^[a-z.]+$' }
            TOKEN: { example: tok-123, description: API token, secret: true }
            KEY: { example: key-123, description: The key the console shows }
        ---

        ```bash step=fetch
        curl https://app.example.com/a 'x app.example.com' "at app.example.com"
        ```

        ```env step=settings file=app.env mode=upsert
        TOKEN=tok-123
        ```

        ```text step=get-key manual produces=KEY
        Open https://app.example.com/console and copy the key.
        ```

        ```bash step=use-key
        echo key-123
        ```

        """

    func build(_ files: [String: String]) throws -> URL {
        let site = try BuiltSite(files, label: "runbook-page")
        #expect(site.result.succeeded, "\(site.result.diagnostics.all)")
        return site.output
    }

    func read(_ out: URL, _ path: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func shellReferencesAreCutWithTheirQuoting() {
        let parts = RunbookPageData.shellParts(
            #"a "${HOST}"/x '"${HOST}"' "${HOST}" ${HOST} ${OTHER} "${HOST}""#, names: ["HOST"])
        #expect(
            parts == [
                .text("a "), .parameter("HOST", .word), .text("/x "), .parameter("HOST", .single), .text(" "),
                .parameter("HOST", .word), .text(" "), .parameter("HOST", .double), .text(" ${OTHER} "),
                .parameter("HOST", .word),
            ])
    }

    @Test func jsonCannotCloseTheScriptElement() {
        #expect(RunbookPageData.quote("</script><!--\n\"\\") == #""\u003c/script\u003e\u003c!--\n\"\\""#)
        #expect(RunbookPageData.quote("\u{1}\u{2028}") == #""\u0001\u2028""#)
    }

    @Test func pageCarriesParametersPartsAndStepLabels() throws {
        let out = try build([
            "docket.yml": "title: T\nrouteBasePath: /\nurl: https://docs.example.org/\n",
            "content/deploy.md": Self.page,
        ])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let html = try read(out, "deploy/index.html")
        // The banner: every parameter, its secret flag, the step producing it; inputs for the form.
        #expect(
            html.contains(
                #"<label class="runbook-param__name" for="runbook-param-TOKEN"><code>TOKEN</code> <span class="runbook-param__tag">secret</span>"#
            ))
        #expect(html.contains(##"<span>Given by step <a href="#step-get-key">get-key</a></span>"##))
        #expect(html.contains(#"type="password" name="TOKEN""#))
        #expect(html.contains(#"data-pattern="^[a-z.]+$""#))
        // The data: shell steps cut at the references, env files and manual steps at the examples.
        #expect(
            html.contains(
                #""fetch":["curl https://",{"p":"HOST","q":"word"},"/a 'x ",{"p":"HOST","q":"single"},"' \"at ",{"p":"HOST","q":"double"},"\""]"#
            ))
        #expect(html.contains(#""settings":["TOKEN=",{"p":"TOKEN","q":"env"}]"#))
        #expect(html.contains(#""get-key":["Open https://",{"p":"HOST","q":"raw"},"/console and copy the key."]"#))
        // Labels: anchors, the --from name, the file and mode, the manual mark and what it gives.
        #expect(html.contains(#"id="step-settings" data-step="settings""#))
        #expect(html.contains("changes <code>app.env</code> (upsert)"))
        #expect(html.contains("Manual step: you do this yourself; it gives <code>KEY</code>"))
        #expect(html.contains(#"<script src="/assets/docket/runbook.js" defer></script>"#))
        #expect(html.contains(#"<link rel="canonical" href="https://docs.example.org/deploy">"#))
    }

    /// A step that takes its text from a displayed block (`from=`) links to that block instead of
    /// showing an empty code box; the displayed block carries the anchor.
    @Test func aFromStepLinksToItsBlock() throws {
        let page = """
            ---
            title: Conf
            runbook: { id: conf, title: Conf }
            ---

            ```text id=site-block title="Caddyfile"
            docs.corp.internal { respond "hi" }
            ```

            ```text step=write-site file=Caddyfile mode=write from=site-block
            ```

            """
        let out = try build([
            "docket.yml": "title: T\nrouteBasePath: /\nurl: https://t.test\n", "content/conf.md": page,
        ])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let html = try read(out, "conf/index.html")
        #expect(html.contains(#"<div class="code-block" id="block-site-block">"#), "\(html)")
        #expect(
            html.contains(
                ##"<p class="code-block__from">Its text is <a href="#block-site-block">the block <code>site-block</code></a>, exactly as shown.</p></div>"##
            ))
        let step = try #require(html.range(of: #"data-step="write-site""#))
        #expect(!html[step.lowerBound...].prefix(800).contains("<pre"), "no empty code box for the step")
    }

    @Test func aPageWithoutRunbookHasNoForm() throws {
        let out = try build([
            "docket.yml": "title: T\nrouteBasePath: /\n", "content/plain.md": "---\ntitle: Plain\n---\n\nText.\n",
        ])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let html = try read(out, "plain/index.html")
        #expect(!html.contains("runbook.js"))
        #expect(!html.contains("runbook-data"))
        // No url: no canonical link and no sitemap (its URLs must be absolute).
        #expect(!html.contains("rel=\"canonical\""))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("sitemap.xml").path))
        #expect(html.contains("favicon.svg"))
    }

    @Test func withoutDocketYMLTheNoURLWarningNamesTheFolder() throws {
        let site = try BuiltSite(["docs/a.md": "# A\n"], label: "no-config")
        defer { site.remove() }
        let result = site.result
        #expect(result.succeeded)
        let warnings = result.diagnostics.all.map(\.description).filter { $0.contains("sitemap.xml") }
        #expect(warnings.count == 1, "\(result.diagnostics.all)")
        #expect(
            warnings.first?.contains("docket.yml:1:1") == false, "no position in a file that is not there: \(warnings)")
        #expect(warnings.first?.contains("warning: no docket.yml here, so no url:") == true, "\(warnings)")
    }

    @Test func noURLIsAWarningThatStrictRefuses() throws {
        let root = Fixtures.temporaryDirectory("no-url")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["docket.yml": "title: T\n", "content/a.md": "# A\n"], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("_site").path
        let loose = SiteBuilder.build(options)
        #expect(loose.succeeded)
        #expect(
            loose.diagnostics.all.map(\.description).contains {
                $0.hasSuffix(
                    "docket.yml:1:1: warning: no url: in docket.yml, so no sitemap.xml and no canonical links (set url: https://your.site)"
                )
            },
            "\(loose.diagnostics.all)")
        options.strict = true
        #expect(!SiteBuilder.build(options).succeeded)
    }

    @Test func generatedCategoryPageIsInTheReadingOrderAndActive() throws {
        let out = try build([
            "docket.yml": "title: T\nrouteBasePath: /\n",
            "content/a.md": "---\ntitle: A\nsidebar_position: 1\n---\n\nA.\n",
            "content/guides/_category_.yml": "label: Guides\nposition: 2\nlink: { type: generated-index }\n",
            "content/guides/b.md": "---\ntitle: B\n---\n\nB.\n",
        ])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let html = try read(out, "category/guides/index.html")
        #expect(html.contains(#"pagination-nav__link--prev" href="/a""#))
        #expect(html.contains(#"pagination-nav__link--next" href="/guides/b""#))
        #expect(html.contains(#"menu__link--active" href="/category/guides" aria-current="page""#))
        #expect(try read(out, "a/index.html").contains(#"pagination-nav__link--next" href="/category/guides""#))
    }

    @Test func collapsedCategoriesAreInlinedOnlyOnASmallSidebar() {
        let links = { (n: Int) in (0..<n).map { SidebarItem.link(label: "L\($0)", href: "https://x.test/\($0)") } }
        #expect(SidebarInlining.inlinesCollapsed(links(SidebarInlining.limit)))
        #expect(!SidebarInlining.inlinesCollapsed(links(SidebarInlining.limit + 1)))
        #expect(SidebarInlining.inlinesCollapsed([]))
    }
}
