import DocketSite
import Foundation
import Testing

/// `DiskSiteSource.files(in:entering:)` is a POSIX walk: these pin what it lists (the same as the
/// `FileManager` enumerator it replaced listed on this tree: links, a fifo and a dangling link
/// are entries that are no regular file, a symlinked folder is never entered).
@Suite struct DiskWalkTests {
    private func makeTree() throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("docket-walk-\(UUID().uuidString)")
        for folder in ["real", "d/e", ".hidden", "skipped/inner"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["a.md", "real/b.md", "d/e/c.md", ".hidden/h.md", "skipped/inner/s.md", "d/image.png"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("linkdir").path, withDestinationPath: "real")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("linkfile.md").path, withDestinationPath: "a.md")
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("dangling.md").path, withDestinationPath: "nowhere")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("d/up").path, withDestinationPath: "../..")
        #expect(mkfifo(root.appendingPathComponent("fifo").path, 0o600) == 0)
        return root
    }

    @Test func listsFilesAndLinksWithoutFollowingThem() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        var entered: [String] = []
        let entries = DiskSiteSource().files(in: ResolvedPath(root.path, from: "/")) { path in
            entered.append(path)
            return path != "skipped"
        }
        let listed = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.isFile) })
        #expect(
            listed == [
                "a.md": true, "real/b.md": true, "d/e/c.md": true, ".hidden/h.md": true, "d/image.png": true,
                "linkdir": false, "linkfile.md": false, "dangling.md": false, "d/up": false, "fifo": false,
            ])
        #expect(Set(entered) == ["real", "d", "d/e", ".hidden", "skipped"], "folders are offered once, links never")
        #expect(entries.count == listed.count, "no entry twice")
        // Depth first: a folder's files come right after it is entered, before its next sibling.
        let d = try #require(entries.firstIndex { $0.path == "d/image.png" })
        let e = try #require(entries.firstIndex { $0.path == "d/e/c.md" })
        let up = try #require(entries.firstIndex { $0.path == "d/up" })
        #expect(
            Set([d, e, up]).count == 3 && [d, e, up].max()! - [d, e, up].min()! == 2,
            "the files of d/ are listed together")
    }

    @Test func aMissingFolderOrALinkedOneListsNothing() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = DiskSiteSource()
        #expect(
            source.files(in: ResolvedPath(root.appendingPathComponent("missing").path, from: "/")) { _ in true }.isEmpty
        )
        #expect(
            source.files(in: ResolvedPath(root.appendingPathComponent("linkdir").path, from: "/")) { _ in true }.isEmpty
        )
        #expect(
            source.files(in: ResolvedPath(root.appendingPathComponent("a.md").path, from: "/")) { _ in true }.isEmpty)
    }
}
