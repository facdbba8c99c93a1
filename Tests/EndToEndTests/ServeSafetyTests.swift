import DocketTestSupport
import Foundation
import Testing

/// `docket serve` is safe on a developer's machine: a private folder, the Host guard, timeouts,
/// HTTP/1.0 and `Connection: close`, a connection cap, and a loop that survives failed builds.
/// Every request goes to 127.0.0.1 and waits a few seconds at most.
@Suite(.serialized) struct ServeSafetyTests {
    /// A running `docket serve --port 0` on a small site, stopped by `stop()`.
    final class Server {
        let process = Process()
        let root: URL
        private(set) var port = 0
        private let output = Pipe()

        init(arguments: [String] = [], temporaryFolder: URL? = nil) throws {
            root = Fixtures.temporaryDirectory("docket-serve-test")
            try Fixtures.write(["docs/intro.md": "# Intro\n\nHello.\n", "docs/b.md": "# B\n"], under: root)
            process.executableURL = BuiltProducts.docket
            process.arguments = ["serve", "--port", "0"] + arguments
            process.currentDirectoryURL = root
            if let temporaryFolder {
                var environment = ProcessInfo.processInfo.environment
                environment["TMPDIR"] = temporaryFolder.path
                process.environment = environment
            }
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // "serving on http://127.0.0.1:PORT/" (within 20 s, or the test fails).
            var text = ""
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, !text.contains("serving on") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            if let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                port = Int(text[range].split(separator: ":")[1]) ?? 0
            }
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: root)
        }
    }

    /// A server ended by a signal leaves its folder; the next one removes it, beside serving
    /// (not before its first build), and keeps the folder of a server still running.
    @Test func foldersOfEndedServersAreRemovedAndRunningOnesKept() throws {
        let temp = Fixtures.temporaryDirectory("docket-servetmp")
        defer { try? FileManager.default.removeItem(at: temp) }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let stale = temp.appendingPathComponent("docket-serve-ended1")
        let running = temp.appendingPathComponent("docket-serve-running")
        try Fixtures.write(
            ["pid": "\(ended.processIdentifier)\n", "site/docs/intro/index.html": "<p>old</p>\n"], under: stale)
        try Fixtures.write(["pid": "\(getpid())\n", "site/index.html": "<p>live</p>\n"], under: running)

        let server = try Server(temporaryFolder: temp)
        defer { server.stop() }
        #expect(server.port > 0, "the server did not start")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, FileManager.default.fileExists(atPath: stale.path) { usleep(20_000) }
        #expect(!FileManager.default.fileExists(atPath: stale.path), "the ended server's folder is still there")
        #expect(FileManager.default.fileExists(atPath: running.appendingPathComponent("site/index.html").path))
        let own = try FileManager.default.contentsOfDirectory(atPath: temp.path).filter {
            $0.hasPrefix("docket-serve-") && $0 != "docket-serve-running"
        }
        #expect(own.count == 1, "the server's own folder: \(own)")
    }

    /// A second server on a port the first holds says so and what to do, and exits 1: not NIO's
    /// `bind(descriptor:ptr:bytes:)` error. It says so before building anything (the server
    /// listens before its first build), and leaves no preview folder behind.
    @Test func aPortInUseIsSaidInThoseWords() throws {
        let first = try Server()
        defer { first.stop() }
        #expect(first.port > 0, "the first server did not start")
        let temp = Fixtures.temporaryDirectory("docket-servetmp")
        defer { try? FileManager.default.removeItem(at: temp) }
        let second = Process()
        second.executableURL = BuiltProducts.docket
        second.arguments = ["serve", "--port", String(first.port)]
        second.currentDirectoryURL = first.root
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temp.path
        second.environment = environment
        let errors = Pipe()
        second.standardOutput = FileHandle.nullDevice
        second.standardError = errors
        try second.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        #expect(second.terminationStatus == 1)
        // Nothing before it: the site (which has no docket.yml, a warning) was not built.
        #expect(
            stderr
                == "error: 127.0.0.1:\(first.port) is already in use (another docket serve?): stop that server, or choose another port with --port (--port 0 picks a free one)\n",
            "\(stderr)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: temp.path)) ?? []
        #expect(left.isEmpty, "preview folders left behind: \(left)")
    }

    @Test func onlyLoopbackHostsAndAllowedOnesAreAnswered() throws {
        let server = try Server(arguments: ["--allow-host", "docs.test"])
        defer { server.stop() }
        #expect(server.port > 0, "the server did not start")
        for host in [
            "127.0.0.1:\(server.port)", "localhost:\(server.port)", "LOCALHOST", "127.1.2.3", "[::1]:\(server.port)",
            "docs.test",
        ] {
            let client = try #require(LoopbackClient(port: server.port))
            #expect(client.request("/docs/intro", host: host).status == 200, "\(host)")
        }
        for host in [
            "evil.example", "evil.example:\(server.port)", "127.0.0.1.evil.example", "localhost.evil.example",
            "0.0.0.0",
        ] {
            let client = try #require(LoopbackClient(port: server.port))
            let response = client.request("/docs/intro", host: host)
            #expect(response.status == 403, "\(host)")
            #expect(response.body.contains("--allow-host"))
        }
        let client = try #require(LoopbackClient(port: server.port))
        #expect(client.request("/docs/intro", host: nil).status == 403, "no Host header")
    }

    @Test func http10AndConnectionCloseEndTheConnection() throws {
        let server = try Server()
        defer { server.stop() }
        let old = try #require(LoopbackClient(port: server.port))
        #expect(old.request("/docs/intro", version: "HTTP/1.0").status == 200)
        #expect(old.isClosedByServer(), "HTTP/1.0 without keep-alive is closed after the response")

        let closing = try #require(LoopbackClient(port: server.port))
        let response = closing.request("/docs/intro", extra: "Connection: close\r\n")
        #expect(response.status == 200 && response.head.lowercased().contains("connection: close"))
        #expect(closing.isClosedByServer())

        let kept = try #require(LoopbackClient(port: server.port, timeout: 1))
        #expect(kept.request("/docs/intro").status == 200)
        #expect(kept.request("/docs/b").status == 200, "HTTP/1.1 stays open for the next request")
    }

    @Test func slowAndIdleConnectionsAreClosed() throws {
        let server = try Server(arguments: ["--head-timeout", "1", "--idle-timeout", "2"])
        defer { server.stop() }
        let slow = try #require(LoopbackClient(port: server.port, timeout: 6))
        slow.send("GET /docs/intro HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        let started = Date()
        #expect(slow.isClosedByServer(), "a head that never ends is cut off")
        #expect(Date().timeIntervalSince(started) < 4)

        let idle = try #require(LoopbackClient(port: server.port, timeout: 6))
        #expect(idle.request("/docs/intro").status == 200)
        let idleStart = Date()
        #expect(idle.isClosedByServer(), "an idle kept-alive connection is closed")
        let waited = Date().timeIntervalSince(idleStart)
        #expect(waited > 1.5 && waited < 5, "closed after \(waited) s")
    }

    @Test func connectionsBeyondTheCapAreClosed() throws {
        let server = try Server(arguments: ["--max-connections", "2"])
        defer { server.stop() }
        let first = try #require(LoopbackClient(port: server.port))
        let second = try #require(LoopbackClient(port: server.port))
        #expect(first.request("/docs/intro").status == 200)
        #expect(second.request("/docs/intro").status == 200)
        let third = try #require(LoopbackClient(port: server.port, timeout: 3))
        #expect(third.isClosedByServer(), "a third connection is closed at once")
        withExtendedLifetime((first, second)) {}
    }

    @Test func thePreviewFolderIsPrivateAndPagesSurviveABrokenBuild() throws {
        let server = try Server()
        defer { server.stop() }
        let temp = FileManager.default.temporaryDirectory.path
        let mine = try FileManager.default.contentsOfDirectory(atPath: temp).filter { name in
            (try? String(contentsOfFile: temp + "/" + name + "/pid", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) == String(server.process.processIdentifier)
        }
        let folder = try #require(mine.first, "no preview folder with this server's pid")
        #expect(
            folder.hasPrefix("docket-serve-") && folder != "docket-serve-\(server.process.processIdentifier)",
            "an mkdtemp name")
        let mode = try FileManager.default.attributesOfItem(atPath: temp + "/" + folder)[.posixPermissions] as? Int
        #expect(mode == 0o700)

        // A page that breaks the build: the browser gets the problems, the server stays up.
        try "---\ntitle: [broken\n---\n".write(
            to: server.root.appendingPathComponent("docs/b.md"), atomically: true, encoding: .utf8)
        var body = ""
        for _ in 0..<40 where !body.contains("The build failed") {
            Thread.sleep(forTimeInterval: 0.25)
            body = LoopbackClient(port: server.port)?.request("/docs/intro").body ?? ""
        }
        #expect(body.contains("The build failed") && body.contains("docs/b.md:"), "\(body.prefix(300))")
        try "# B again\n".write(to: server.root.appendingPathComponent("docs/b.md"), atomically: true, encoding: .utf8)
        for _ in 0..<40 where !body.contains("B again") {
            Thread.sleep(forTimeInterval: 0.25)
            body = LoopbackClient(port: server.port)?.request("/docs/b").body ?? ""
        }
        #expect(body.contains("B again"), "the next good build is served")
    }
}
