import DocketTestSupport
import Foundation
import Testing

/// The built binary never leaves the output folder half-written and never writes where it must
/// not, whatever happens to it.
@Suite struct BuildSafetyTests {
    private static var binary: URL { BuiltProducts.docket }

    /// A site of `pages` pages, big enough that a build takes a moment to kill in the middle of.
    private func makeSite(pages: Int) throws -> URL {
        let root = Fixtures.temporaryDirectory("docket-kill")
        var files = ["docs/index.md": "# Home\n\nWelcome.\n"]
        for index in 0..<pages {
            files["docs/part-\(index / 50)/page-\(index).md"] =
                "# Page \(index)\n\n" + String(repeating: "Some text for the page. ", count: 40)
                + "\n\n## Section\n\nMore.\n"
        }
        try Fixtures.write(files, under: root)
        return root
    }

    private func start(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func files(_ folder: URL) -> Set<String> {
        Set((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? [])
    }

    @Test func refusalsExitTwoNamingBothPaths() throws {
        let root = try makeSite(pages: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["build", "--out", "docs/inner"]
        process.currentDirectoryURL = root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains("'docs/inner'") && text.contains("the content folder 'docs'"), "\(text)")
        #expect(!text.contains("NSCocoaErrorDomain"))
    }

    /// `kill -9` at random moments: afterwards the output folder is always a whole site (the
    /// old one or the new one), and the next build clears what the killed ones left.
    @Test func killedBuildsLeaveAWholeSite() throws {
        let root = try makeSite(pages: 300)
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("_site")
        let first = try start(["build"], in: root)
        let started = Date()
        first.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        #expect(first.terminationStatus == 0)
        let complete = files(out)
        #expect(complete.contains("index.html") && complete.contains(".docket-site") && complete.count > 300)

        var generator = SystemRandomNumberGenerator()
        for round in 0..<30 {
            let process = try start(["build"], in: root)
            // Anywhere from start-up to a little past the end of a build.
            Thread.sleep(forTimeInterval: Double.random(in: 0...(duration * 1.3), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = files(out)
            #expect(
                now == complete,
                "round \(round): the output folder is not a whole site (\(now.count) of \(complete.count) files)")
            if now != complete { break }
        }
        let last = try start(["build"], in: root)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".docket-") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    /// Two builds into one folder at once: each one either builds or stops at once on the lock;
    /// the folder ends whole.
    @Test func concurrentBuildsAreSerialised() throws {
        let root = try makeSite(pages: 100)
        defer { try? FileManager.default.removeItem(at: root) }
        let errors = [Pipe(), Pipe()]
        let processes = try errors.map { pipe -> Process in
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["build"]
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = pipe
            try process.run()
            return process
        }
        for (process, pipe) in zip(processes, errors) {
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                #expect(text.contains("another docket build is writing"), "\(text)")
                #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("could not be completed"), "\(text)")
            }
        }
        #expect(processes.contains { $0.terminationStatus == 0 })
        let built = files(root.appendingPathComponent("_site"))
        #expect(built.contains("index.html") && built.contains(".docket-site"))
    }
}
