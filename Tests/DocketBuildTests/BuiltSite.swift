import DocketBuild
import DocketTestSupport
import Foundation

/// A site written from `files` (relative path → text) into a fresh temporary folder and built
/// into its `_site` folder with default options: the set-up most build tests share. The folder
/// stays until the test removes it (`remove()`), so a failing build can be looked at.
struct BuiltSite {
    /// The temporary folder holding the site's files and `_site`.
    let root: URL
    /// What `SiteBuilder.build` returned.
    let result: BuildResult

    init(_ files: [String: String], label: String = "docket-build-test") throws {
        root = Fixtures.temporaryDirectory(label)
        try Fixtures.write(files, under: root)
        var options = BuildOptions()
        options.root = root.path
        options.output = root.appendingPathComponent("_site").path
        result = SiteBuilder.build(options)
    }

    /// The built site's folder.
    var output: URL { root.appendingPathComponent("_site") }

    /// The text of `path` in the built site.
    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Removes the whole temporary folder.
    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
