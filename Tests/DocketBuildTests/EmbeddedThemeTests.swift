import DocketTestSupport
import Foundation
import Testing
@testable import DocketTheme

@Suite struct EmbeddedThemeTests {
    /// The compiled-in default theme is the one in `themes/default/` (run `make theme` if not).
    @Test func embeddedThemeMatchesTheFolder() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("themes/default")
        var onDisk: [String: String] = [:]
        for sub in ["templates", "assets"] {
            for path in try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent(sub).path) {
                let url = folder.appendingPathComponent(sub).appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    onDisk["\(sub)/\(path)"] = try String(contentsOf: url, encoding: .utf8)
                }
            }
        }
        #expect(onDisk.keys.sorted() == DefaultThemeFiles.files.keys.sorted())
        for (path, text) in onDisk {
            #expect(DefaultThemeFiles.files[path] == text, "\(path) is stale: run `make theme`")
        }
    }

    @Test func builtInTemplatesParse() {
        _ = Theme.builtIn
    }
}
