import DocketHighlight
import DocketTestSupport
import Foundation
import Testing

/// Each `Fixtures/<name>.input` is highlighted as the language its name selects and compared
/// with `Fixtures/<name>.html`. `DOCKET_BLESS=1` re-blesses (review the diff).
@Suite struct HighlightGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".input") }.map { String($0.dropLast(".input".count)) }.sorted()
    }()

    static func input(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(name).input"), encoding: .utf8)
    }

    @Test(arguments: names)
    func highlightsAsBlessed(_ name: String) throws {
        let code = try Self.input(name)
        let html = try #require(Highlighter.html(code: code, language: name))
        if let difference = Golden.mismatch(html, file: Self.folder.appendingPathComponent("\(name).html")) {
            Issue.record(Comment(rawValue: difference))
        }
    }

    @Test(arguments: names)
    func keepsTextAndLines(_ name: String) throws {
        let code = try Self.input(name)
        let tokens = try #require(Highlighter.tokens(code: code, language: name))
        #expect(tokens.map(\.text).joined() == code)
        let lines = try #require(Highlighter.htmlLines(code: code, language: name))
        #expect(lines.count == code.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count)
        for (index, line) in lines.enumerated() {
            let opened = line.components(separatedBy: "<span").count - 1
            let closed = line.components(separatedBy: "</span>").count - 1
            #expect(opened == closed, "\(name) line \(index + 1): \(line)")
        }
    }

    @Test func everyLanguageHasAGoldenFile() {
        let covered = Set(Self.names.compactMap { Language(fenceName: $0) })
        #expect(covered == Set(Language.allCases))
    }

    @Test(arguments: names)
    func everyGoldenHasColour(_ name: String) throws {
        // A lexer that silently stopped matching would bless a plain file; at least three
        // different classes must show in each fixture.
        let tokens = try #require(Highlighter.tokens(code: try Self.input(name), language: name))
        #expect(Set(tokens.map(\.kind)).subtracting([.plain]).count >= 3)
    }
}
