import DocketTestSupport
import Foundation
import Testing

/// `docket-embed`, the tool the EmbedFiles plugin runs: byte-exact literals, files and folders
/// named relative to a root, and located errors.
@Suite struct EmbedToolTests {
    /// The plugin builds the tool for the host as `docket-embed-tool`; `swift build` also builds
    /// the plain executable product.
    static var tool: URL? {
        ["docket-embed-tool", "docket-embed"].map { BuiltProducts.executable($0) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let tool = try #require(Self.tool, "docket-embed is not in \(BuiltProducts.folder.path)")
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func writesEveryByteOfTheThemeFiles() throws {
        let temp = Fixtures.temporaryDirectory("embed")
        defer { try? FileManager.default.removeItem(at: temp) }
        let tricky = "line one\r\nquote \" backslash \\ tab\t#\"\"\"# \u{1} é 🙂\n\\(interpolation)"
        try Fixtures.write(
            ["theme/templates/page.mustache": tricky, "theme/assets/a.css": "", "theme/README.md": "not embedded"],
            under: temp)
        let output = temp.appendingPathComponent("Out.swift")
        let result = try run([
            "ThemeFiles", temp.appendingPathComponent("theme").path, output.path, "templates", "assets",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let swift = try String(contentsOf: output, encoding: .utf8)
        #expect(swift.contains("enum ThemeFiles {"))
        #expect(
            swift.contains(
                ##""templates/page.mustache": "line one\r\nquote \" backslash \\ tab\t#\"\"\"# \u{1} é 🙂\n\\(interpolation)","##
            ))
        #expect(swift.contains(#""assets/a.css": "","#))
        #expect(!swift.contains("README"))
    }

    @Test func embedsASingleFileByItsName() throws {
        let temp = Fixtures.temporaryDirectory("embed")
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(["runtime/run.bash": "echo \"$1\"\n", "runtime/other.bash": "x"], under: temp)
        let output = temp.appendingPathComponent("Out.swift")
        let result = try run(["RuntimeFiles", temp.appendingPathComponent("runtime").path, output.path, "run.bash"])
        #expect(result.status == 0, "\(result.stderr)")
        let swift = try String(contentsOf: output, encoding: .utf8)
        #expect(swift.contains(#""run.bash": "echo \"$1\"\n","#))
        #expect(!swift.contains("other.bash"))
    }

    @Test func aMissingPathIsAnErrorNamingIt() throws {
        let temp = Fixtures.temporaryDirectory("embed")
        defer { try? FileManager.default.removeItem(at: temp) }
        let result = try run(["RuntimeFiles", temp.path, temp.appendingPathComponent("Out.swift").path, "gone.bash"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(temp.appendingPathComponent("gone.bash").path): error: no such file or folder to embed"),
            "\(result.stderr)")
    }

    @Test func aNameThatIsNoSwiftTypeIsRefused() throws {
        let temp = Fixtures.temporaryDirectory("embed")
        defer { try? FileManager.default.removeItem(at: temp) }
        let result = try run(["files; import Evil", temp.path, temp.appendingPathComponent("Out.swift").path, "."])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a Swift type name"), "\(result.stderr)")
    }

    @Test func refusesAFileThatIsNotUTF8() throws {
        let temp = Fixtures.temporaryDirectory("embed")
        defer { try? FileManager.default.removeItem(at: temp) }
        let bad = temp.appendingPathComponent("theme/assets/logo.bin")
        try FileManager.default.createDirectory(at: bad.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data([0xFF, 0xFE, 0x00, 0x80]).write(to: bad)
        let result = try run([
            "ThemeFiles", temp.appendingPathComponent("theme").path, temp.appendingPathComponent("Out.swift").path,
            "assets",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad.path): error: embedded files must be UTF-8 text"), "\(result.stderr)")
    }

    @Test func usageErrorWithoutArguments() throws {
        let result = try run([])
        #expect(result.status == 1)
        #expect(result.stderr.contains("usage: docket-embed NAME ROOT OUTPUT_FILE PATH..."))
    }
}
