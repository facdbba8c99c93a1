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

    /// `Theme.builtIn` and `DeferredTemplates` trust the embedded templates to parse: this is
    /// where that is checked, the templates a build leaves unparsed included.
    @Test func builtInTemplatesParse() throws {
        let theme = try Theme(files: DefaultThemeFiles.files, displayRoot: "themes/default", overridden: [])
        let templates = DefaultThemeFiles.files.keys.filter { $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") }
        #expect(templates.contains("templates/page.mustache"), "\(templates.sorted())")
        // The templates whose output the default theme makes natively, which no other includes.
        #expect(theme.deferredNames == ["docket-toc-items", "page", "sidebar-items", "toc-items"])
        let library = theme.deferred.adding(to: theme.library)
        for path in templates {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            #expect(
                (theme.library.getTemplate(named: name) != nil) != theme.deferredNames.contains(name),
                "\(path) is either parsed with the theme or deferred")
            #expect(library.getTemplate(named: name) != nil, "\(path) is not in the template library")
        }
    }
}
