import DocketTestSupport
import DocketTheme
import Foundation
import Testing

@testable import DocketBuild

/// Files compiled into docket are written from the executable's own pages, which are let go
/// chunk by chunk as they are written (`ExecutableImage`); nothing else may be released.
@Suite struct ExecutableImageTests {
    static func script() throws -> String {
        try #require(Theme.builtIn.assets.first { $0.path.hasSuffix("mermaid.min.js") }?.content)
    }

    @Test func theBuiltInThemesFilesLieInTheExecutableAndRunTimeTextDoesNot() throws {
        var script = try Self.script()
        #expect(script.utf8.count > OutputFolder.embeddedChunk * 4)
        #expect(script.withUTF8 { ExecutableImage.holds(UnsafeRawBufferPointer($0)) })
        var made = String(repeating: "made at run time ", count: 100_000)
        #expect(!made.withUTF8 { ExecutableImage.holds(UnsafeRawBufferPointer($0)) })
        #expect(!ExecutableImage.holds(UnsafeRawBufferPointer(start: nil, count: 0)))
    }

    @Test func aCompiledInFileIsWrittenWholeAndReadsTheSameAfterwards() throws {
        let script = try Self.script()
        let before = Array(script.utf8)
        let folder = Fixtures.temporaryDirectory("docket-image")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(updating: folder)
        _ = try output.prepare()
        try output.write(script, to: "assets/mermaid.min.js")
        let written = try Data(contentsOf: folder.appendingPathComponent("assets/mermaid.min.js"))
        #expect(Array(written) == before)
        #expect(Array(script.utf8) == before, "the literal's pages, let go, are read from the file again")
        // Twice: the second write reads pages the first one let go.
        try output.write(script, to: "assets/again.js")
        #expect(Array(try Data(contentsOf: folder.appendingPathComponent("assets/again.js"))) == before)
    }

    @Test func textMadeAtRunTimeIsWrittenAndKept() throws {
        let made = (0..<60_000).map { "line \($0)\n" }.joined()
        let folder = Fixtures.temporaryDirectory("docket-image")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(updating: folder)
        _ = try output.prepare()
        try output.write(made, to: "big.txt")
        #expect(try String(contentsOf: folder.appendingPathComponent("big.txt"), encoding: .utf8) == made)
        #expect(made.hasPrefix("line 0\n") && made.hasSuffix("line 59999\n"))
    }
}
