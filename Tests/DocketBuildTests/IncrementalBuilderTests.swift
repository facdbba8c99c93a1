import DocketBuild
import DocketTestSupport
import Foundation
import Testing

/// `docket serve`'s rebuilds: only changed pages when the structure stays, and always the same
/// files as a full build.
@Suite struct IncrementalBuilderTests {
    private func files(_ folder: URL) throws -> [String: Data] {
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

    @Test func rerendersOnlyChangedPagesAndMatchesAFullBuild() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let root = temp.appendingPathComponent("basic")
        try FileManager.default.copyItem(at: Fixtures.url("sites/basic"), to: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = temp.appendingPathComponent("serve").path
        let builder = IncrementalBuilder(options: options)

        let first = builder.build()
        #expect(first.result.succeeded && first.full)

        let intro = root.appendingPathComponent("docs/intro.md")
        try (try String(contentsOf: intro, encoding: .utf8) + "\nOne more paragraph.\n").write(to: intro, atomically: true, encoding: .utf8)
        let second = builder.build()
        #expect(second.result.succeeded)
        #expect(!second.full)
        #expect(second.pagesRendered == 1)

        let setup = root.appendingPathComponent("docs/guides/setup.md")
        try (try String(contentsOf: setup, encoding: .utf8)).replacingOccurrences(of: "title: Set up", with: "title: Setting up")
            .write(to: setup, atomically: true, encoding: .utf8)
        let third = builder.build()
        #expect(third.full, "a title is in every page's sidebar")

        try (try String(contentsOf: intro, encoding: .utf8) + "\nAnd another.\n").write(to: intro, atomically: true, encoding: .utf8)
        #expect(!builder.build().full)

        var full = options
        full.output = temp.appendingPathComponent("full").path
        #expect(SiteBuilder.build(full).succeeded)
        let incremental = try files(temp.appendingPathComponent("serve")), reference = try files(temp.appendingPathComponent("full"))
        #expect(incremental.keys.sorted() == reference.keys.sorted())
        for (path, data) in reference { #expect(incremental[path] == data, "\(path) differs from a full build") }
    }
}
