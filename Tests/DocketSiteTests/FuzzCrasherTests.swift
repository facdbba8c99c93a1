import DocketDiagnostics
import DocketMarkdown
import DocketSite
import DocketTestSupport
import DocketYAML
import Foundation
import Testing

/// Replays `Tests/Fixtures/fuzz-crashers/`: every input that once crashed or hung docket, read as
/// each kind of file docket parses. Each must finish quickly, with located errors or a render.
@Suite struct FuzzCrasherTests {
    static let files: [String] = {
        let folder = Fixtures.url("fuzz-crashers").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }()

    @Test func theFolderHoldsTheKnownCrashers() {
        #expect(Self.files.count >= 17, "\(Self.files)")
    }

    @Test(arguments: files)
    func replaysWithoutCrashOrHang(name: String) throws {
        let data = try Data(contentsOf: Fixtures.url("fuzz-crashers").appendingPathComponent(name))
        let text = String(decoding: data, as: UTF8.self)
        let start = Date()

        let page = PageParser.parse(text: text, source: name, displayPath: "docs/\(name)")
        let html = HTMLRenderer().render(document: page.document, contentTitleIndex: page.document.contentTitleIndex)
        let toc = TOCItem.tree(
            page.toc, minLevel: page.frontMatter.tocMinLevel ?? 2, maxLevel: page.frontMatter.tocMaxLevel ?? 3)
        let (_, categoryProblems) = CategoryMetadata.parse(text, path: "docs/_category_.yml")
        var config = SiteConfig()
        let configProblems = SiteConfigLoader.load(text, path: "docket.yml", into: &config)
        let yamlError: YAMLError?
        do {
            _ = try YAMLParser.parse(text)
            yamlError = nil
        } catch {
            yamlError = error
        }

        #expect(Date().timeIntervalSince(start) < 5, "\(name) took too long")
        let all = page.diagnostics.all + categoryProblems.all + configProblems.all
        #expect(all.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 }, "\(all.prefix(3))")
        // Each file was a crash: it must now be a located error in at least one reading, or a page.
        #expect(all.contains { $0.severity == .error } || yamlError != nil || !html.isEmpty, "\(name)")
        _ = toc
    }
}
