import DocketTestSupport
import Foundation
import Testing

@testable import DocketTheme

@Suite struct EmbeddedThemeTests {
    /// The compiled-in default theme is the one in `themes/default/`, byte for byte: the EmbedFiles
    /// build plugin regenerates it from the folder on every build.
    @Test func embeddedThemeMatchesTheFolder() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("themes/default")
        var onDisk: [String: [UInt8]] = [:]
        for sub in ["templates", "assets"] {
            for path in try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent(sub).path) {
                let url = folder.appendingPathComponent(sub).appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    onDisk["\(sub)/\(path)"] = [UInt8](try Data(contentsOf: url))
                }
            }
        }
        #expect(onDisk.keys.sorted() == DefaultThemeFiles.files.keys.sorted())
        for (path, bytes) in onDisk {
            #expect(
                DefaultThemeFiles.files[path].map { Array($0.utf8) } == bytes, "\(path) differs from its embedded copy")
        }
    }

    /// `Theme.builtIn` trusts the embedded templates to parse: this is where that is checked.
    @Test func builtInTemplatesParse() throws {
        let theme = try Theme(files: DefaultThemeFiles.files, displayRoot: "themes/default", overridden: [])
        let templates = DefaultThemeFiles.files.keys.filter { $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") }
        #expect(templates.contains("templates/page.mustache"), "\(templates.sorted())")
        for path in templates {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            #expect(theme.library.getTemplate(named: name) != nil, "\(path) is not in the template library")
        }
    }
}
