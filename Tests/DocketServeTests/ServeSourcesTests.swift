import DocketBuild
import DocketServe
import DocketTestSupport
import Foundation
import Testing

/// What serve watches and rebuilds beyond the content folder: the folders docket.yml names
/// (static, theme), the other versions of a versioned site, and MDX the site turns into warnings.
@Suite struct ServeSourcesTests {
    private func standard(_ url: URL) -> String { url.standardizedFileURL.path }

    /// Waits (at most 20 waits of 5 s, so a lost event fails the test instead of hanging it) until `path` is among the changes.
    private func changes(_ watcher: SourceWatcher, including path: String) -> Set<String> {
        var seen = Set<String>()
        for _ in 0..<20 where !seen.contains(path) { seen.formUnion(watcher.next(wait: 5)) }
        return seen
    }

    @Test func editsInTheStaticAndThemeFoldersDocketYmlNamesAreNoticed() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let root = temp.appendingPathComponent("site")
        try Fixtures.write(
            [
                "docket.yml": "title: Named\ncontent: pages\nstatic: public\ntheme: look/plain\n",
                "pages/intro.md": "# Intro\n\nText.\n",
                "public/robots.txt": "User-agent: *\n",
                "look/plain/assets/extra.css": "body { color: red; }\n",
            ], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = temp.appendingPathComponent("serve").path
        let builder = IncrementalBuilder(options: options)
        #expect(builder.build().result.succeeded)
        let watched = Set(builder.watchedPaths.map(standard))
        for folder in ["pages", "public", "look/plain"] {
            #expect(
                watched.contains(standard(root.appendingPathComponent(folder))), "\(folder) is not watched: \(watched)")
        }
        #expect(!watched.contains(standard(root.appendingPathComponent("static"))), "a folder docket.yml does not name")

        let watcher = try SourceWatcher(roots: builder.watchedPaths)
        let robots = root.appendingPathComponent("public/robots.txt")
        try "User-agent: bot\n".write(to: robots, atomically: true, encoding: .utf8)
        let css = root.appendingPathComponent("look/plain/assets/extra.css")
        try "body { color: blue; }\n".write(to: css, atomically: true, encoding: .utf8)
        var seen = changes(watcher, including: standard(robots))
        // Both writes may arrive in one batch: waiting again for an event already seen would block forever.
        if !seen.contains(standard(css)) { seen.formUnion(changes(watcher, including: standard(css))) }
        #expect(seen.contains(standard(robots)) && seen.contains(standard(css)), "\(seen)")
        #expect(builder.build(changes: seen).result.succeeded)
        builder.flush()
        let served = try String(contentsOf: temp.appendingPathComponent("serve/robots.txt"), encoding: .utf8)
        #expect(served == "User-agent: bot\n")
        try expectSameAsFullBuild(builder, options, temp)
    }

    /// Before any build succeeded the folders come from docket.yml as far as it can be read.
    @Test func aFirstBuildThatFailsStillWatchesTheNamedFolders() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["docket.yml": "title: T\ncontent: pages\nstatic: public\n"], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("out").path
        let builder = IncrementalBuilder(options: options)
        #expect(!builder.build().result.succeeded, "pages/ does not exist yet")
        let watched = Set(builder.watchedPaths.map(standard))
        #expect(watched.contains(standard(root.appendingPathComponent("pages"))))
        #expect(watched.contains(standard(root.appendingPathComponent("public"))))
    }

    /// `--content`/`--static` win over docket.yml before a load too, and a content folder
    /// given so leaves out the `docs/` fallback; docket.yml's theme folder is watched.
    @Test func aFirstBuildThatFailsWatchesTheGivenFolders() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["docket.yml": "title: T\ncontent: pages\ntheme: look/mine\n"], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.content = root.appendingPathComponent("elsewhere").path
        options.staticDirectory = root.appendingPathComponent("files").path
        options.output = root.appendingPathComponent("out").path
        let builder = IncrementalBuilder(options: options)
        #expect(!builder.build().result.succeeded, "elsewhere/ does not exist")
        let watched = Set(builder.watchedPaths.map(standard))
        #expect(watched.contains(standard(root.appendingPathComponent("elsewhere"))))
        #expect(watched.contains(standard(root.appendingPathComponent("files"))))
        #expect(watched.contains(standard(root.appendingPathComponent("look/mine"))))
        #expect(watched.contains(standard(root.appendingPathComponent("docket.yml"))))
        #expect(!watched.contains(standard(root.appendingPathComponent("pages"))))
        #expect(!watched.contains(standard(root.appendingPathComponent("docs"))))
    }

    @Test func anEditOfAnotherVersionIsWatchedAndRebuilt() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let root = temp.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Fixtures.url("versions").appendingPathComponent("basic"), to: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = temp.appendingPathComponent("serve").path
        let builder = IncrementalBuilder(options: options)
        #expect(builder.build().result.succeeded)
        let old = root.appendingPathComponent("versioned_docs/version-1.0")
        let watched = Set(builder.watchedPaths.map(standard))
        #expect(watched.contains(standard(old)))
        #expect(watched.contains(standard(root.appendingPathComponent("versioned_sidebars/version-1.0-sidebars.json"))))
        #expect(watched.contains(standard(root.appendingPathComponent("versions.json"))))

        let watcher = try SourceWatcher(roots: builder.watchedPaths)
        let intro = old.appendingPathComponent("intro.md")
        try (try String(contentsOf: intro, encoding: .utf8) + "\nA fix for 1.0 readers.\n").write(
            to: intro, atomically: true, encoding: .utf8)
        let seen = changes(watcher, including: standard(intro))
        #expect(seen.contains(standard(intro)), "\(seen)")
        let outcome = builder.build(changes: seen)
        #expect(outcome.result.succeeded, "\(outcome.result.diagnostics.all)")
        // Written before the reload is announced, not left for later.
        let page = try String(
            contentsOf: temp.appendingPathComponent("serve/docs/1.0/intro/index.html"), encoding: .utf8)
        #expect(page.contains("A fix for 1.0 readers."))
        try expectSameAsFullBuild(builder, options, temp)

        // A page of that version added, then removed: its file comes and goes.
        let extra = old.appendingPathComponent("extra.md")
        try "# Extra\n\nOnly in 1.0.\n".write(to: extra, atomically: true, encoding: .utf8)
        #expect(builder.build(changes: [standard(extra)]).result.succeeded)
        let extraPage = temp.appendingPathComponent("serve/docs/1.0/extra/index.html").path
        #expect(FileManager.default.fileExists(atPath: extraPage))
        try FileManager.default.removeItem(at: extra)
        #expect(builder.build(changes: [standard(extra)]).result.succeeded)
        #expect(!FileManager.default.fileExists(atPath: extraPage))
        try expectSameAsFullBuild(builder, options, temp)
    }

    /// `markdown.mdx.unknownComponents: warn` holds in serve's own re-parses: a page with an
    /// unknown component is edited in place, and a retitle adding one is put together from
    /// memory, as warnings, never as a failed build.
    @Test func theMDXWarnSwitchHoldsInIncrementalRebuilds() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let root = temp.appendingPathComponent("site")
        try Fixtures.write(
            [
                "docket.yml": "title: MDX\nmarkdown:\n  mdx:\n    unknownComponents: warn\n",
                "docs/a.mdx": "---\ntitle: A\n---\n\nBefore.\n\n<Chart />\n",
                "docs/b.md": "---\ntitle: B\n---\n\nPlain.\n",
            ], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = temp.appendingPathComponent("serve").path
        let builder = IncrementalBuilder(options: options)
        let first = builder.build()
        #expect(first.result.succeeded && first.result.diagnostics.all.contains { $0.severity == .warning })
        func path(_ name: String) -> String { standard(root.appendingPathComponent(name)) }

        try "---\ntitle: A\n---\n\nBefore.\n\n<Chart />\n\nAfter the chart.\n".write(
            toFile: path("docs/a.mdx"), atomically: false, encoding: .utf8)
        let edit = builder.build(changes: [path("docs/a.mdx")])
        #expect(edit.result.succeeded && edit.kind == .pages, "\(edit.kind) \(edit.result.diagnostics.all)")
        let page = try String(contentsOf: temp.appendingPathComponent("serve/docs/a/index.html"), encoding: .utf8)
        #expect(page.contains("After the chart."))
        #expect(edit.result.diagnostics.all.contains { $0.severity == .warning && $0.description.contains("Chart") })

        // A clean site: b.md gains an unknown component and a title in one save.
        try "---\ntitle: A\n---\n\nBefore.\n".write(toFile: path("docs/a.mdx"), atomically: false, encoding: .utf8)
        #expect(builder.build(changes: [path("docs/a.mdx")]).result.succeeded)
        try "---\ntitle: Bee\n---\n\nPlain.\n\n<Gauge />\n".write(
            toFile: path("docs/b.md"), atomically: false, encoding: .utf8)
        let retitle = builder.build(changes: [path("docs/b.md")])
        #expect(retitle.result.succeeded, "\(retitle.result.diagnostics.all)")
        #expect(retitle.kind == .reassembled)
        #expect(retitle.result.diagnostics.all.contains { $0.severity == .warning && $0.description.contains("Gauge") })
        try expectSameAsFullBuild(builder, options, temp)
    }

    /// A paragraph edit writes that one page: every other file of the folder is left as it was
    /// (same inode: pages are replaced by rename, so a rewrite would show).
    @Test func aBodyEditRewritesOnlyThatPage() throws {
        let root = try Fixtures.copySite("basic")
        let temp = root.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: temp) }
        var options = BuildOptions()
        options.root = root.path
        options.output = temp.appendingPathComponent("serve").path
        let builder = IncrementalBuilder(options: options)
        #expect(builder.build().result.succeeded)
        let out = temp.appendingPathComponent("serve")
        func inodes() throws -> [String: UInt64] {
            var result: [String: UInt64] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: out.path) {
                let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(path).path)
                if attributes[.type] as? FileAttributeType == .typeRegular {
                    result[path] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
                }
            }
            return result
        }
        let before = try inodes()
        let intro = root.appendingPathComponent("docs/intro.md")
        try (try String(contentsOf: intro, encoding: .utf8) + "\nOne more paragraph.\n").write(
            to: intro, atomically: true, encoding: .utf8)
        let outcome = builder.build(changes: [standard(intro)])
        #expect(outcome.kind == .pages && outcome.pagesRendered == 1)
        let after = try inodes()
        // `.docket-site` marks the folder as docket's; it is not part of the site.
        let rewritten = Set(after.keys.filter { before[$0] != after[$0] && $0 != ".docket-site" })
        #expect(rewritten == ["docs/intro/index.html"], "\(rewritten.sorted())")
    }
}
