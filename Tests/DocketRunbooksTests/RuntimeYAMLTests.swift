import DocketRunbooks
import DocketTestSupport
import Foundation
import Testing

/// The runtime's awk YAML normaliser (`docket_yaml_paths`), which `mode=verify` uses to compare a
/// YAML block with a file as a subset on a server without docket: alone, and through a runbook.
@Suite struct RuntimeYAMLTests {
    /// `docket_yaml_paths` as the runtime defines it, cut out of the embedded runtime text.
    static var function: String {
        get throws {
            let text = ScriptRuntime.text
            let start = try #require(text.range(of: "\ndocket_yaml_paths() {\n"))
            let end = try #require(text.range(of: "\n}\n", range: start.upperBound..<text.endIndex))
            return String(text[start.lowerBound..<end.upperBound])
        }
    }

    /// The normaliser's output for `yaml`, run by bash with the system awk.
    func paths(_ yaml: String) throws -> [String] {
        let awk = try #require(["/usr/bin/awk", "/bin/awk"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "declare -A docket_tool=([awk]=\(awk))" + (try Self.function) + "docket_yaml_paths"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(yaml.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            $0.replacingOccurrences(of: "\t", with: " = ")
        }
    }

    @Test func nestedKeysBecomePaths() throws {
        let yaml = "services:\n  server:\n    image: app:1\n  worker:\n    replicas: 2\nversion: 3\n"
        #expect(
            try paths(yaml) == [
                "/services = ", "/services/server = ", "/services/server/image = app:1",
                "/services/worker = ", "/services/worker/replicas = 2", "/version = 3",
            ])
    }

    @Test func listItemsAtTheKeysIndentOrDeeper() throws {
        let yaml = "a:\n  - one\n  - two\nb:\n- three\nc: 4\n"
        #expect(try paths(yaml) == ["/a = ", "/a[] = one", "/a[] = two", "/b = ", "/b[] = three", "/c = 4"])
    }

    @Test func quotesCommentsAndDocumentMarkersAreDropped() throws {
        let yaml = "---\n# a comment\n\"key\": 'value'   # why\nother: \"x:y\"\n\n"
        #expect(try paths(yaml) == ["/key = value", "/other = x:y"])
    }

    @Test func aLineThatIsNoKeyIsKeptAsText() throws {
        #expect(try paths("a:\n  b: 1\nplain\n") == ["/a = ", "/a/b = 1", " = plain"])
    }

    @Test func orderAndIndentWidthDoNotMatter() throws {
        let block = "services:\n  server:\n    volumes:\n      - keys:/keys:ro\n"
        let file =
            "version: 3\nservices:\n    worker:\n        image: w\n    server:\n        image: s\n        volumes:\n        - data:/data\n        - keys:/keys:ro\n"
        let have = Set(try paths(file))
        #expect(Set(try paths(block)).subtracting(have).isEmpty)
        #expect(
            Set(try paths("services:\n  server:\n    volumes:\n      - other:/x\n")).subtracting(have) == [
                "/services/server/volumes[] = other:/x"
            ])
    }

    /// A verify step passes on a file that holds more, in another order, and names what is
    /// missing otherwise.
    @Test func verifyStepComparesStructurally() throws {
        let page = """
            ---
            runbook:
              id: yamlcheck
              title: YAML check
            ---

            ```yaml step=check file=compose.yml mode=verify
            services:
              server:
                volumes:
                  - keys:/keys:ro
            ```
            """
        let box = try ScriptHarness(page: page, id: "yamlcheck")
        try "services:\n  worker: {}\n  server:\n    image: s\n    volumes:\n    - data:/data\n    - keys:/keys:ro\n"
            .write(to: box.home.appendingPathComponent("compose.yml"), atomically: true, encoding: .utf8)
        let passed = try box.run([])
        #expect(passed.status == 0, "\(passed.output)")
        try "services:\n  server:\n    volumes:\n    - data:/data\n"
            .write(to: box.home.appendingPathComponent("compose.yml"), atomically: true, encoding: .utf8)
        let failed = try box.run([])
        #expect(failed.status == 1, "\(failed.output)")
        #expect(failed.stdout.contains("does not contain what the page shows"), "\(failed.output)")
        #expect(failed.stdout.contains("    /services/server/volumes[]\tkeys:/keys:ro\n"), "\(failed.output)")
    }
}
