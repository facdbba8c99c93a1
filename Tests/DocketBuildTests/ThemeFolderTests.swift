import DocketSite
import DocketTestSupport
import DocketTheme
import Foundation
import Testing

/// A theme is put together from files the caller read (DocketTheme reads none): a folder's
/// files override the default theme's by path; a missing folder is an error unless the theme is
/// the default one.
@Suite struct ThemeFolderTests {
    @Test func folderFilesOverrideTheDefaultTheme() throws {
        let source = MemorySiteSource(files: [
            "themes/plain/templates/404.mustache": "gone: {{site.title}}\n", "docs/a.md": "# A\n",
        ])
        let folder = try #require(source.texts(in: ResolvedPath("/site/themes/plain", from: "/")))
        #expect(folder == ["templates/404.mustache": "gone: {{site.title}}\n"])
        let theme = try Theme.load(name: "plain", directory: "/site/themes/plain", folder: folder)
        #expect(theme.files["templates/404.mustache"] == "gone: {{site.title}}\n")
        #expect(theme.files["templates/page.mustache"] == Theme.builtIn.files["templates/page.mustache"])
    }

    @Test func aMissingFolderIsAnErrorAtItsPathUnlessTheThemeIsTheDefault() throws {
        #expect(
            MemorySiteSource(files: ["docs/a.md": "# A\n"]).texts(in: ResolvedPath("/site/themes/nope", from: "/"))
                == nil)
        #expect(throws: ThemeError.self) { try Theme.load(name: "nope", directory: "/site/themes/nope", folder: nil) }
        do {
            _ = try Theme.load(name: "nope", directory: "/site/themes/nope", folder: nil)
        } catch {
            #expect(error.location.path == "/site/themes/nope")
        }
        #expect(
            try Theme.load(name: "default", directory: "/site/themes/default", folder: nil).files == Theme.builtIn.files
        )
    }

    /// A file that is not UTF-8 text is left out of a theme folder read from disk, as before.
    @Test func diskTextsSkipFoldersAndBinaryFiles() throws {
        let root = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(["t/templates/x.mustache": "x\r\n", "t/assets/sub/y.css": "y"], under: root)
        try Data([0xFF, 0xFE, 0x00]).write(to: root.appendingPathComponent("t/assets/bin.dat"))
        let texts = DiskSiteSource().texts(in: ResolvedPath(root.appendingPathComponent("t").path, from: "/"))
        #expect(texts == ["templates/x.mustache": "x\r\n", "assets/sub/y.css": "y"])
        #expect(DiskSiteSource().texts(in: ResolvedPath(root.appendingPathComponent("none").path, from: "/")) == nil)
    }
}
