import DocketBuild
import DocketServe
import DocketSite
import DocketTestSupport
import Foundation
import Testing

func outputFiles(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
        var isDirectory: ObjCBool = false
        let url = folder.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[path] = FileManager.default.contents(atPath: url.path)
        }
    }
    return result
}

/// A site of `files` in a new temporary folder (`temp/site`), and a serve builder writing into
/// `temp/serve` that has made its first build.
struct ServedSite {
    let temp: URL
    let root: URL
    let options: BuildOptions
    let builder: IncrementalBuilder

    init(_ files: [String: String], brokenLinks: SiteConfig.Severity? = nil) throws {
        temp = Fixtures.temporaryDirectory()
        root = temp.appendingPathComponent("site")
        try Fixtures.write(files, under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = temp.appendingPathComponent("serve").path
        options.brokenLinks = brokenLinks
        self.options = options
        builder = IncrementalBuilder(options: options)
        #expect(builder.build().result.succeeded)
    }

    /// The absolute path of a file of the site, as the watcher reports it.
    func path(_ name: String) -> String { root.appendingPathComponent(name).standardizedFileURL.path }
}

/// The serve folder, once every pending file is written, equals a full build of the site.
func expectSameAsFullBuild(_ builder: IncrementalBuilder, _ options: BuildOptions, _ temp: URL) throws {
    builder.flush()
    var full = options
    full.output = temp.appendingPathComponent("full-\(UUID().uuidString)").path
    #expect(SiteBuilder.build(full).succeeded)
    let incremental = try outputFiles(URL(fileURLWithPath: options.output!)),
        reference = try outputFiles(URL(fileURLWithPath: full.output!))
    #expect(incremental.keys.sorted() == reference.keys.sorted())
    for (path, data) in reference {
        #expect(incremental[path] == data, "\(path) differs from a full build")
    }
}

/// `docket serve`'s rebuilds: only changed pages when the structure stays, other files written
/// later, and always, once written, the same files as a full build.
@Suite struct IncrementalBuilderTests {
    private func site() throws -> (URL, URL, BuildOptions) {
        let root = try Fixtures.copySite("basic")
        let temp = root.deletingLastPathComponent()
        var options = BuildOptions()
        options.root = root.path
        options.output = temp.appendingPathComponent("serve").path
        return (temp, root, options)
    }

    private func append(_ text: String, to url: URL) throws {
        try (try String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func rerendersOnlyChangedPagesAndMatchesAFullBuild() throws {
        let (temp, root, options) = try site()
        defer { try? FileManager.default.removeItem(at: temp) }
        let builder = IncrementalBuilder(options: options)

        let first = builder.build()
        #expect(first.result.succeeded && first.full)

        // A paragraph: only that page is written now, the search data later.
        let intro = root.appendingPathComponent("docs/intro.md")
        try append("\nOne more paragraph.\n", to: intro)
        let second = builder.build(changes: [intro.standardizedFileURL.path])
        #expect(second.result.succeeded)
        #expect(!second.full)
        #expect(second.pagesRendered == 1)
        #expect(second.pending >= 1, "the search data follows")
        let page = try String(contentsOf: temp.appendingPathComponent("serve/docs/intro/index.html"), encoding: .utf8)
        #expect(page.contains("One more paragraph."))
        try expectSameAsFullBuild(builder, options, temp)

        // A title is in every page's sidebar: everything is pending, the page itself written.
        let setup = root.appendingPathComponent("docs/guides/setup.md")
        try (try String(contentsOf: setup, encoding: .utf8)).replacingOccurrences(
            of: "title: Set up", with: "title: Setting up"
        )
        .write(to: setup, atomically: true, encoding: .utf8)
        let third = builder.build(changes: [setup.standardizedFileURL.path])
        #expect(third.result.succeeded && !third.full)
        #expect(third.pagesRendered == 1)
        #expect(third.pending > 1, "other pages show the title in their sidebar")

        try append("\nAnd another.\n", to: intro)
        #expect(builder.build(changes: [intro.standardizedFileURL.path]).pagesRendered == 1)
        try expectSameAsFullBuild(builder, options, temp)
    }

    @Test func newAndRemovedPagesLeaveNoStaleFiles() throws {
        let (temp, root, options) = try site()
        defer { try? FileManager.default.removeItem(at: temp) }
        let builder = IncrementalBuilder(options: options)
        #expect(builder.build().result.succeeded)

        let added = root.appendingPathComponent("docs/guides/extra.md")
        try "# Extra\n\nA new page.\n".write(to: added, atomically: true, encoding: .utf8)
        let outcome = builder.build(changes: [added.path])
        #expect(outcome.result.succeeded && outcome.pagesRendered == 1)
        #expect(
            FileManager.default.fileExists(
                atPath: temp.appendingPathComponent("serve/docs/guides/extra/index.html").path))
        try expectSameAsFullBuild(builder, options, temp)

        try FileManager.default.removeItem(at: added)
        #expect(builder.build(changes: [added.path]).result.succeeded)
        try expectSameAsFullBuild(builder, options, temp)
        #expect(
            !FileManager.default.fileExists(
                atPath: temp.appendingPathComponent("serve/docs/guides/extra/index.html").path))
    }

    /// After a new page only the moved pages' paths are worked out again: every other page is
    /// still found by its path and written when requested, and the new one is served at once.
    @Test func afterANewPageEveryPendingPageIsFoundByItsPath() throws {
        let (temp, root, options) = try site()
        defer { try? FileManager.default.removeItem(at: temp) }
        let builder = IncrementalBuilder(options: options)
        #expect(builder.build().result.succeeded)
        let fresh = root.appendingPathComponent("docs/guides/zz-fresh.md")
        try "---\ntitle: Fresh page\n---\n\nNew.\n".write(to: fresh, atomically: true, encoding: .utf8)
        let outcome = builder.build(changes: [fresh.path])
        #expect(outcome.result.succeeded)
        #expect(outcome.kind == .reassembled, "a new page is taken in without a load")
        #expect(outcome.pending > 0)
        let served = temp.appendingPathComponent("serve")
        #expect(
            try String(contentsOf: served.appendingPathComponent("docs/guides/zz-fresh/index.html"), encoding: .utf8)
                .contains("Fresh page"))
        let intro = served.appendingPathComponent("docs/intro/index.html")
        #expect(try !String(contentsOf: intro, encoding: .utf8).contains("Fresh page"), "other pages wait")
        builder.materialize("docs/intro/index.html")
        #expect(
            try String(contentsOf: intro, encoding: .utf8).contains("Fresh page"),
            "a requested page's sidebar is current")
        try FileManager.default.removeItem(at: fresh)
        #expect(builder.build(changes: [fresh.path]).kind == .reassembled)
        #expect(
            !FileManager.default.fileExists(
                atPath: served.appendingPathComponent("docs/guides/zz-fresh/index.html").path))
        builder.materialize("docs/intro/index.html")
        #expect(try !String(contentsOf: intro, encoding: .utf8).contains("Fresh page"), "and again once it went")
        try expectSameAsFullBuild(builder, options, temp)
    }

    @Test func aPendingFileIsWrittenWhenRequested() throws {
        let (temp, root, options) = try site()
        defer { try? FileManager.default.removeItem(at: temp) }
        let builder = IncrementalBuilder(options: options)
        #expect(builder.build().result.succeeded)
        let setup = root.appendingPathComponent("docs/guides/setup.md")
        try (try String(contentsOf: setup, encoding: .utf8)).replacingOccurrences(
            of: "title: Set up", with: "title: Retitled"
        )
        .write(to: setup, atomically: true, encoding: .utf8)
        #expect(builder.build(changes: [setup.path]).pending > 0)
        let guides = temp.appendingPathComponent("serve/docs/category/guides/index.html")
        #expect(try !String(contentsOf: guides, encoding: .utf8).contains("Retitled"), "other pages wait")
        builder.materialize("docs/category/guides/index.html")
        #expect(try String(contentsOf: guides, encoding: .utf8).contains("Retitled"), "a requested page is current")
        builder.materialize("assets/docket/search-index.json")
        let search = try String(
            contentsOf: temp.appendingPathComponent("serve/assets/docket/search-index.json"), encoding: .utf8)
        #expect(search.contains("Retitled"), "so is a requested file of a group")
    }

    @Test func aBrokenEditIsReportedAndTheNextGoodOneRecovers() throws {
        let (temp, root, options) = try site()
        defer { try? FileManager.default.removeItem(at: temp) }
        let builder = IncrementalBuilder(options: options)
        #expect(builder.build().result.succeeded)
        let intro = root.appendingPathComponent("docs/intro.md")
        let good = try String(contentsOf: intro, encoding: .utf8)
        try "---\ntitle: [broken\n---\n".write(to: intro, atomically: true, encoding: .utf8)
        let broken = builder.build(changes: [intro.path])
        #expect(!broken.result.succeeded)
        #expect(broken.result.diagnostics.sorted.contains { $0.description.contains("intro.md:") })
        try (good + "\nFixed.\n").write(to: intro, atomically: true, encoding: .utf8)
        #expect(builder.build(changes: [intro.path]).result.succeeded)
        try expectSameAsFullBuild(builder, options, temp)
    }
}

/// The first build is written whole, so what each unit wrote is read back from the folder: a
/// tag page written then is removed when its last page drops the tag, and the runbook, theme
/// and search files stay as a full build has them.
@Suite struct FirstBuildFilesTests {
    @Test func aTagPageOfTheFirstBuildGoesWhenItsTagDoes() throws {
        let site = try ServedSite([
            "docs/one.md": "---\ntitle: One\ntags: [alpha, beta]\n---\n\nFirst.\n",
            "docs/two.md": "---\ntitle: Two\ntags: [beta]\n---\n\nSecond.\n",
        ])
        defer { try? FileManager.default.removeItem(at: site.temp) }
        let alpha = site.temp.appendingPathComponent("serve/docs/tags/alpha/index.html").path
        #expect(FileManager.default.fileExists(atPath: alpha))

        let one = site.path("docs/one.md")
        try "---\ntitle: One\ntags: [beta]\n---\n\nFirst.\n".write(toFile: one, atomically: false, encoding: .utf8)
        #expect(site.builder.build(changes: [one]).result.succeeded)
        site.builder.flush()
        #expect(!FileManager.default.fileExists(atPath: alpha), "the tag page of a tag no page has is gone")
        try expectSameAsFullBuild(site.builder, site.options, site.temp)
    }
}

/// A site with no problems takes the cheap ways: edits inside pages, then pages retitled,
/// added and removed without reading the site again; the result still equals a full build.
@Suite struct CheapRebuildTests {
    @Test func editsRetitlesAndNewPagesAvoidALoadAndMatchAFullBuild() throws {
        let site = try ServedSite(
            [
                "docs/a/one.md": "---\ntitle: One\n---\n\nFirst page, links to [two](two.md).\n\n## Part\n\nText.\n",
                "docs/a/two.md": "---\ntitle: Two\ntags: [x]\n---\n\nSecond page.\n",
                "docs/b/three.md": "# Three\n\nSee [four](../a/four.md) later.\n",
            ], brokenLinks: .ignore)
        let (temp, options, builder) = (site.temp, site.options, site.builder)
        defer { try? FileManager.default.removeItem(at: temp) }
        func path(_ name: String) -> String { site.path(name) }

        for round in 0..<3 {
            try "---\ntitle: One\n---\n\nFirst page, links to [two](two.md).\n\n## Part\n\nText \(round).\n"
                .write(toFile: path("docs/a/one.md"), atomically: false, encoding: .utf8)
            let edit = builder.build(changes: [path("docs/a/one.md")])
            #expect(edit.kind == .pages && edit.result.succeeded)
        }
        let html = try String(
            contentsOfFile: temp.appendingPathComponent("serve/docs/a/one/index.html").path, encoding: .utf8)
        #expect(html.contains("Text 2."))

        try "---\ntitle: Second\ntags: [x]\n---\n\nSecond page.\n".write(
            toFile: path("docs/a/two.md"), atomically: false, encoding: .utf8)
        let retitle = builder.build(changes: [path("docs/a/two.md")])
        #expect(retitle.kind == .reassembled && retitle.pending > 1)
        builder.flush()
        let afterRetitle = try String(
            contentsOfFile: temp.appendingPathComponent("serve/docs/a/one/index.html").path, encoding: .utf8)
        #expect(afterRetitle.contains("Text 2."), "an edited page keeps its edit when the site is put together again")

        // A new page a link in another page names: that page resolves its link again.
        try "# Four\n\nNew.\n".write(toFile: path("docs/a/four.md"), atomically: false, encoding: .utf8)
        #expect(builder.build(changes: [path("docs/a/four.md")]).kind == .reassembled)
        try expectSameAsFullBuild(builder, options, temp)
        let three = try String(
            contentsOfFile: temp.appendingPathComponent("serve/docs/b/three/index.html").path, encoding: .utf8)
        #expect(three.contains("href=\"/docs/a/four\""), "the link to the new page resolves")

        try FileManager.default.removeItem(atPath: path("docs/a/four.md"))
        #expect(builder.build(changes: [path("docs/a/four.md")]).kind == .reassembled)
        try expectSameAsFullBuild(builder, options, temp)

        // docket.yml is not a page: the site is read again.
        try "title: Renamed\n".write(toFile: path("docket.yml"), atomically: false, encoding: .utf8)
        #expect(builder.build(changes: [path("docket.yml")]).kind == .loaded)
        try expectSameAsFullBuild(builder, options, temp)
    }
}
