import DocketTestSupport
import Foundation
import Testing

/// Runs the built `docket` binary as a user would.
@Suite struct BinaryTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        BuiltProducts.docket
    }

    func docket(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:]) throws
        -> Run
    {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["GITHUB_ACTIONS"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The binary under test is the one SwiftPM built with these tests, and it runs.
    @Test func binaryOfThisBuildRunsAndListsItsCommands() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.binary.path),
            "no docket beside the test bundle in \(BuiltProducts.folder.path)")
        let run = try docket(["--help"])
        #expect(run.status == 0, "\(run.stderr)")
        for command in ["build", "serve", "check", "runbooks"] {
            #expect(run.stdout.contains("  \(command) "), "--help does not list \(command):\n\(run.stdout)")
        }
    }

    @Test func theBinaryAllocatesThroughMimalloc() throws {
        // Linked ahead of glibc (Sources/docket/Allocator.swift): mimalloc serves the process and
        // prints its statistics at exit when asked. Without the link, nothing reads the variable.
        let run = try docket(["--version"], environment: ["MIMALLOC_SHOW_STATS": "1"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("heap stats:"), "\(run.stderr)")
        #expect(!(try docket(["--version"])).stderr.contains("heap stats:"))
    }

    @Test func buildsAFolderWithNoConfig() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(
            ["docs/intro.md": "# Hello\n\nWorld.\n", "docs/guide/a.md": "# A\n\n[back](../intro.md)\n"], under: temp)
        let run = try docket(["build"], in: temp)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("built 2 pages"))
        // No docket.yml: the warning about the missing url names the folder, not a line of a
        // file that is not there.
        #expect(run.stderr.contains(".: warning: no docket.yml here, so no url:"), "\(run.stderr)")
        #expect(!run.stderr.contains("docket.yml:1:1"), "\(run.stderr)")
        let html = try String(contentsOf: temp.appendingPathComponent("_site/docs/guide/a/index.html"), encoding: .utf8)
        #expect(html.contains("href=\"/docs/intro\""))
    }

    @Test func onePageIsCountedInTheSingular() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(["docs/intro.md": "# Hello\n"], under: temp)
        let run = try docket(["build"], in: temp)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("built 1 page into"), "\(run.stdout)")
        // The time with two decimals: `<whole>.<two digits> s`.
        let time = run.stdout.split(separator: " in ").last.map(String.init) ?? ""
        #expect(time.wholeMatch(of: /[0-9]+\.[0-9]{2} s\n/) != nil, "\(run.stdout)")
    }

    @Test func contentErrorsExitOneWithLocatedDiagnostics() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(
            [
                "docket.yml": "title: T\nurl: https://t.test\n",
                "docs/a.md": "# A\n\n[x](./missing.md)\n\n[y](./also-missing.md)\n",
            ], under: temp)
        let run = try docket(["build"], in: temp)
        #expect(run.status == 1)
        #expect(run.stderr.contains("docs/a.md:3:1: error: broken link './missing.md'"))
        #expect(
            run.stderr.contains("docs/a.md:5:1: error: broken link './also-missing.md'"),
            "all problems are printed, not only the first")
        #expect(run.stderr.contains("2 errors, 0 warnings"))
        #expect(!FileManager.default.fileExists(atPath: temp.appendingPathComponent("_site").path))
        let lenient = try docket(["build", "--broken-links", "warn"], in: temp)
        #expect(lenient.status == 0)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try docket(["build", "--no-such-flag"]).status == 2)
        #expect(try docket(["build", "--broken-links", "sometimes"]).status == 2)
        #expect(try docket(["--help"]).status == 0)
    }

    @Test func listJSONHasTheDocumentedShape() throws {
        let run = try docket(["list", "--json", "--root", Fixtures.url("compat/02-index-position").path])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let pages = try #require(object?["pages"] as? [[String: Any]])
        #expect(pages.allSatisfy { Set($0.keys) == ["id", "source", "url", "title"] })
        #expect(object?["sidebar"] is [Any])
    }

    /// The project's own site builds with zero warnings.
    @Test func projectSiteBuildsClean() throws {
        let out = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try docket(["build", "--strict", "--out", out.path], in: Fixtures.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }
}

/// `docket runbooks` and `docket run` on a copy of a small runbook site.
@Suite struct RunbookCommandTests {
    static let page = """
        ---
        title: Hello runbook
        runbook:
          id: hello
          title: Say hello
          params:
            NAME: { example: Jane Example, description: Who to greet }
        ---

        # Hello

        ```bash step=greet
        echo "Hello, Jane Example"
        ```
        """

    @Test func runbooksWritesThenChecksForDrift() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(["docs/hello.md": Self.page], under: temp)
        let binary = BinaryTests()
        #expect(try binary.docket(["runbooks", "--check"], in: temp).status == 1, "nothing committed yet")
        let write = try binary.docket(["runbooks"], in: temp)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: temp.appendingPathComponent("runbooks/hello.sh").path))
        #expect(try binary.docket(["runbooks", "--check"], in: temp).status == 0)

        try Fixtures.write(["docs/hello.md": Self.page.replacingOccurrences(of: "Hello, ", with: "Hi, ")], under: temp)
        let drift = try binary.docket(["runbooks", "--check"], in: temp)
        #expect(drift.status == 1)
        #expect(drift.stderr.contains("-echo \"Hello, ${NAME}\""), "\(drift.stderr)")
        #expect(drift.stderr.contains("+echo \"Hi, ${NAME}\""))
        #expect(drift.stderr.contains("runbooks are stale: hello.json, hello.sh"))
    }

    @Test func runExecutesTheRunbookFromThePages() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(["docs/hello.md": Self.page], under: temp)
        let run = try BinaryTests().docket(
            [
                "run", "hello", "--param", "NAME=O'Brien \"$(id)\"", "--state", temp.appendingPathComponent("j").path,
                "--log", temp.appendingPathComponent("log").path,
            ], in: temp)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Hello, O'Brien \"$(id)\""))
        #expect(try BinaryTests().docket(["run", "nope"], in: temp).status == 2)
    }

    @Test func lintErrorsFailWithTheirLocation() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(["docs/hello.md": Self.page + "\n```sh\necho stray\n```\n"], under: temp)
        let run = try BinaryTests().docket(["runbooks"], in: temp)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("docs/hello.md:15:1: error: this sh block on a runbook page is neither a step"),
            "\(run.stderr)")
    }
}

/// `docket init` and `docket serve` as a user runs them.
@Suite struct InitAndServeTests {
    @Test func initScaffoldsASiteThatBuildsAndRefusesToOverwrite() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let binary = BinaryTests()
        #expect(try binary.docket(["init", "site"], in: temp).status == 0)
        let site = temp.appendingPathComponent("site")
        let build = try binary.docket(["build", "--strict"], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        let again = try binary.docket(["init"], in: site)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists: docket.yml"))
    }

    @Test func serveRebuildsOnChangeAndShowsErrors() throws {
        let temp = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try Fixtures.write(["docs/a.md": "# Hello\n"], under: temp)
        let port = 3900 + Int.random(in: 0..<90)
        let process = Process()
        process.executableURL = BinaryTests.binary
        process.arguments = ["serve", "--port", String(port)]
        process.currentDirectoryURL = temp
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }

        // curl rather than Foundation's URL loading, which needs FoundationNetworking on Linux.
        func get(_ path: String) -> String? {
            for _ in 0..<50 {
                let curl = Process()
                curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                curl.arguments = ["curl", "-s", "-m", "2", "http://127.0.0.1:\(port)\(path)"]
                let out = Pipe()
                curl.standardOutput = out
                curl.standardError = FileHandle.nullDevice
                guard (try? curl.run()) != nil else { return nil }
                let data = out.fileHandleForReading.readDataToEndOfFile()
                curl.waitUntilExit()
                if curl.terminationStatus == 0 && !data.isEmpty { return String(decoding: data, as: UTF8.self) }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return nil
        }
        let page = try #require(get("/docs/a"))
        #expect(page.contains("<h1>Hello</h1>"))
        #expect(page.contains("/__docket/reload.js"), "the page reloads itself")
        #expect(get("/__docket/reload.js")?.contains("/__docket/events") == true, "over the server-sent events channel")
        let version = try #require(get("/__docket/version"))

        try "# Hello again\n".write(to: temp.appendingPathComponent("docs/a.md"), atomically: true, encoding: .utf8)
        var changed = false
        for _ in 0..<40 where !changed {
            Thread.sleep(forTimeInterval: 0.1)
            changed = get("/__docket/version") != version
        }
        #expect(changed)
        #expect(get("/docs/a")?.contains("<h1>Hello again</h1>") == true)

        try "---\ntitle: [broken\n---\n".write(
            to: temp.appendingPathComponent("docs/a.md"), atomically: true, encoding: .utf8)
        var broken = false
        for _ in 0..<40 where !broken {
            Thread.sleep(forTimeInterval: 0.1)
            broken = get("/docs/a")?.contains("The build failed") == true
        }
        #expect(broken, "the browser shows the error")
    }
}
