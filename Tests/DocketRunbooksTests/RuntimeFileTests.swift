import DocketRunbooks
import DocketTestSupport
import Foundation
import Testing

/// The bash runtime is the file `Sources/DocketRunbooks/runtime/docket-runtime.bash`, compiled in
/// by the EmbedFiles plugin, and it passes shellcheck as it stands.
@Suite struct RuntimeFileTests {
    static let file = Fixtures.packageRoot.appendingPathComponent("Sources/DocketRunbooks/runtime/docket-runtime.bash")

    static var shellcheck: String? {
        ["/usr/bin/shellcheck", "/usr/local/bin/shellcheck", "/opt/homebrew/bin/shellcheck"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func theEmbeddedRuntimeIsTheFile() throws {
        let onDisk = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(onDisk.hasSuffix("\n"))
        #expect(ScriptRuntime.text + "\n" == onDisk, "the embedded runtime differs from \(Self.file.path): rebuild")
        #expect(ScriptRuntime.text.hasSuffix("\ndocket_main \"$@\""))
    }

    @Test(.enabled(if: shellcheck != nil, "needs shellcheck (scripts/install-deps.sh installs it)"))
    func theRuntimePassesShellcheck() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.shellcheck))
        process.arguments = ["--format=gcc", Self.file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: data, as: UTF8.self))")
    }
}
