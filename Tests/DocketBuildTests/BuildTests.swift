import DocketBuild
import DocketTestSupport
import Foundation
import Testing

@Suite struct BuildTests {
    private func options(root: URL, out: URL) -> BuildOptions {
        var options = BuildOptions()
        options.root = root.path
        options.output = out.path
        return options
    }

    private func copyFixture(_ name: String) throws -> URL {
        try Fixtures.copySite(name)
    }

    /// The built files of `sites/basic` match `expected/` (page HTML, sitemap, sidebar and search data).
    @Test(arguments: [
        "docs/intro/index.html", "docs/guides/setup/index.html", "docs/category/guides/index.html",
        "docs/guides/hidden/index.html", "sitemap.xml", "assets/docket/sidebar.json", "404.html", "index.html",
        "docs/tags/getting-started/index.html", "assets/docket/search-index.json",
    ])
    func outputMatchesGolden(_ file: String) throws {
        let root = try copyFixture("basic")
        let out = root.appendingPathComponent("_site")
        let result = SiteBuilder.build(options(root: root, out: out))
        #expect(result.succeeded, "\(result.diagnostics.all)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.all)")
        let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        let golden = Fixtures.url("sites/basic-expected").appendingPathComponent(file)
        if let difference = Golden.mismatch(text, file: golden) { Issue.record(Comment(rawValue: difference)) }
    }

    @Test func outputIsDeterministic() throws {
        let root = try copyFixture("basic")
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        #expect(SiteBuilder.build(options(root: root, out: a)).succeeded)
        #expect(SiteBuilder.build(options(root: root, out: b)).succeeded)
        let files = try FileManager.default.subpathsOfDirectory(atPath: a.path).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: b.path).sorted()))
        for file in files {
            #expect(
                FileManager.default.contents(atPath: a.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: b.appendingPathComponent(file).path), "\(file) differs")
        }
    }

    @Test func failedBuildLeavesThePreviousSiteIntact() throws {
        let root = try copyFixture("basic")
        let out = root.appendingPathComponent("_site")
        #expect(SiteBuilder.build(options(root: root, out: out)).succeeded)
        let before = try String(contentsOf: out.appendingPathComponent("docs/intro/index.html"), encoding: .utf8)

        try "---\ntitle: [broken\n---\n".write(
            to: root.appendingPathComponent("docs/intro.md"), atomically: true, encoding: .utf8)
        let result = SiteBuilder.build(options(root: root, out: out))
        #expect(!result.succeeded)
        #expect(
            result.diagnostics.errors.contains { $0.location.path.hasSuffix("docs/intro.md") && $0.location.line == 3 })
        #expect(try String(contentsOf: out.appendingPathComponent("docs/intro/index.html"), encoding: .utf8) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            $0.hasPrefix(".docket-")
        }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test func invalidUTF8IsLocated() throws {
        let root = try copyFixture("basic")
        var bytes = Array("# Title\n\nline two ".utf8)
        bytes += [0xC3, 0x28]
        try Data(bytes).write(to: root.appendingPathComponent("docs/bad.md"))
        let result = SiteBuilder.build(options(root: root, out: root.appendingPathComponent("_site")))
        #expect(!result.succeeded)
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.location.path.hasSuffix("docs/bad.md"))
        #expect(error.location.line == 3 && error.location.column == 10, "\(error)")
        #expect(error.message.contains("not valid UTF-8"))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let root = try copyFixture("basic")
        try ":::foo\nx\n:::\n".write(to: root.appendingPathComponent("docs/warn.md"), atomically: true, encoding: .utf8)
        var strict = options(root: root, out: root.appendingPathComponent("_site"))
        #expect(SiteBuilder.build(strict).succeeded)
        strict.strict = true
        #expect(!SiteBuilder.build(strict).succeeded)
    }

    @Test func siteOverridesADefaultTemplate() throws {
        let root = try copyFixture("basic")
        try Fixtures.write(["themes/default/templates/404.mustache": "custom 404 for {{site.title}}\n"], under: root)
        let out = root.appendingPathComponent("_site")
        #expect(SiteBuilder.build(options(root: root, out: out)).succeeded)
        #expect(
            try String(contentsOf: out.appendingPathComponent("404.html"), encoding: .utf8)
                == "custom 404 for Fixture Site\n")
    }

    @Test func brokenTemplateIsLocated() throws {
        let root = try copyFixture("basic")
        try Fixtures.write(["themes/default/templates/404.mustache": "line\n{{#open}}\n"], under: root)
        let result = SiteBuilder.build(options(root: root, out: root.appendingPathComponent("_site")))
        #expect(!result.succeeded)
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.location.path == "themes/default/templates/404.mustache", "\(result.diagnostics.all)")
        #expect(error.location.line >= 2, "\(error)")
        #expect(error.message.contains("invalid template"))
    }
}

/// `theme:` as a name under themes/ or as a folder path; missing themes are errors.
@Suite struct ThemeSelectionTests {
    @Test func aThemeFolderPathOverridesSingleFiles() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(
            [
                "docs/a.md": "# A\n",
                "docket.yml": "theme: brand/look\n",
                "brand/look/templates/404.mustache": "brand 404\n",
            ], under: temp)
        var options = BuildOptions()
        options.root = temp.path
        options.output = temp.appendingPathComponent("out").path
        #expect(SiteBuilder.build(options).succeeded)
        #expect(try String(contentsOf: temp.appendingPathComponent("out/404.html"), encoding: .utf8) == "brand 404\n")
        #expect(
            FileManager.default.fileExists(atPath: temp.appendingPathComponent("out/docs/a/index.html").path),
            "other templates come from the built-in theme")

        try "theme: nowhere\n".write(to: temp.appendingPathComponent("docket.yml"), atomically: true, encoding: .utf8)
        let missing = SiteBuilder.build(options)
        #expect(!missing.succeeded)
        #expect(missing.diagnostics.errors.first?.message.contains("theme 'nowhere' not found") == true)
    }

    /// The theme is loaded while the pages are read (`ThemePreload`), but its problems are
    /// reported as before: a broken template by its file, and nothing of the theme when the
    /// content has errors already (the build stops before the theme).
    @Test func aThemeLoadedEarlyReportsItsProblemsAsBefore() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(
            [
                "docs/a.md": "# A\n",
                "docket.yml": "theme: look\n",
                "themes/look/templates/404.mustache": "{{#open}}never closed\n",
            ], under: temp)
        var options = BuildOptions()
        options.root = temp.path
        options.output = temp.appendingPathComponent("out").path
        let broken = SiteBuilder.build(options)
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.errors.count == 1)
        #expect(broken.diagnostics.errors.first?.location.path.hasSuffix("404.mustache") == true)

        try "theme: nowhere\n".write(to: temp.appendingPathComponent("docket.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: [unclosed\n---\n# A\n".write(
            to: temp.appendingPathComponent("docs/a.md"), atomically: true, encoding: .utf8)
        let content = SiteBuilder.build(options)
        #expect(!content.succeeded)
        #expect(!content.diagnostics.errors.isEmpty)
        #expect(
            content.diagnostics.errors.allSatisfy { !$0.message.contains("theme") },
            "content errors stop the build before its theme is looked at")
    }
}
