import DocketBuild
import DocketServe
import DocketTestSupport
import Foundation
import Testing

/// The watch side of `docket serve`: inotify events for the folders the loaded site names.
@Suite struct SourceWatcherTests {
    /// The bug this fixes: serve watched content/, docs/, static/ and themes/ by name, so a
    /// site whose docket.yml names another content folder was never rebuilt.
    @Test func anEditInTheContentFolderDocketYmlNamesIsNoticedAndRebuilt() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(
            ["docket.yml": "title: Pages\ncontent: pages\n", "pages/intro.md": "# Intro\n\nFirst.\n"], under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("out").path
        let builder = IncrementalBuilder(options: options)
        #expect(builder.build().result.succeeded)
        let pages = root.appendingPathComponent("pages").standardizedFileURL.path
        #expect(builder.watchedPaths.map(\.standardizedFileURL.path).contains(pages))

        let watcher = try SourceWatcher(roots: builder.watchedPaths)
        let intro = root.appendingPathComponent("pages/intro.md")
        try "# Intro\n\nSecond.\n".write(to: intro, atomically: true, encoding: .utf8)
        let changes = watcher.next(wait: 30)
        #expect(changes.contains(intro.standardizedFileURL.path), "\(changes)")
        #expect(builder.build(changes: changes).result.succeeded)
        let html = try String(contentsOf: root.appendingPathComponent("out/docs/intro/index.html"), encoding: .utf8)
        #expect(html.contains("Second."))
    }

    @Test func newFoldersAreWatchedAndEditorFilesIgnored() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["docs/a.md": "# A\n"], under: root)
        let watcher = try SourceWatcher(roots: [
            root.appendingPathComponent("docs"), root.appendingPathComponent("docket.yml"),
        ])
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("docs/new"), withIntermediateDirectories: false)
        #expect(watcher.next(wait: 30).contains(root.appendingPathComponent("docs/new").standardizedFileURL.path))
        try "x".write(to: root.appendingPathComponent("docs/new/.a.md.swp"), atomically: false, encoding: .utf8)
        try "x".write(to: root.appendingPathComponent("docs/a.md~"), atomically: false, encoding: .utf8)
        try "# B\n".write(to: root.appendingPathComponent("docs/new/b.md"), atomically: false, encoding: .utf8)
        try "title: T\n".write(to: root.appendingPathComponent("docket.yml"), atomically: false, encoding: .utf8)
        try "not watched\n".write(to: root.appendingPathComponent("other.txt"), atomically: false, encoding: .utf8)
        var seen = Set<String>()
        for _ in 0..<20 where !seen.contains(root.appendingPathComponent("docket.yml").standardizedFileURL.path) {
            seen.formUnion(watcher.next(wait: 5))
        }
        let names = Set(seen.map { String($0.dropFirst(root.standardizedFileURL.path.count + 1)) })
        #expect(names == ["docs/new/b.md", "docket.yml"], "\(names)")
    }
}
