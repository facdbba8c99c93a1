import DocketServe
import DocketTestSupport
import Foundation
import Testing

/// The push channel the pages of `docket serve` listen to: server-sent events on loopback.
@Suite struct ReloadChannelTests {
    /// A blocking loopback connection with a receive timeout, so a missing event fails the test
    /// instead of hanging it.
    private final class Connection {
        let fd: Int32
        var received = ""

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
        }

        deinit { close(fd) }

        func send(_ text: String) {
            _ = text.withCString { Foundation.send(fd, $0, strlen($0), 0) }
        }

        /// Reads until `wanted` has arrived or the timeout passes; true when it arrived.
        func read(until wanted: String) -> Bool {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !received.contains(wanted) {
                let count = recv(fd, &buffer, buffer.count, 0)
                guard count > 0 else { return false }
                received += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            return true
        }
    }

    @Test func aPublishedBuildIsPushedToEveryOpenPage() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["index.html": "<html><body><p>Hello</p></body></html>\n"], under: folder)
        let state = PreviewState()
        state.published(folder)
        let channel = try PreviewServer(state: state).start(port: 0)
        defer { try? channel.close().wait() }
        let port = try #require(channel.localAddress?.port)

        let first = try Connection(port: port), second = try Connection(port: port)
        for connection in [first, second] {
            connection.send("GET /__docket/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            #expect(connection.read(until: "data: 1\n\n"), "the current version at once: \(connection.received)")
            #expect(connection.received.lowercased().contains("content-type: text/event-stream"))
        }
        state.published(folder)
        for connection in [first, second] {
            #expect(connection.read(until: "data: 2\n\n"), "the next build, pushed: \(connection.received)")
        }
        state.failed([])
        #expect(first.read(until: "data: 3\n\n"), "a failed build reloads the page too (to show the problems)")

        // A page carries the script that listens, told which version it shows.
        let page = try Connection(port: port)
        page.send("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        _ = page.read(until: "</html>")
        #expect(
            page.received.contains("<script src=\"/__docket/reload.js\" data-version=\"3\"></script>"),
            "\(page.received)")
    }

    /// The server listens before the first build: a page asked for meanwhile says the site is
    /// being built, carries the listening script, and the first build is pushed to it.
    @Test func aPageAskedForBeforeTheFirstBuildReloadsWhenItIsDone() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write(["index.html": "<html><body><p>Hello</p></body></html>\n"], under: folder)
        let state = PreviewState()
        let channel = try PreviewServer(state: state).start(port: 0)
        defer { try? channel.close().wait() }
        let port = try #require(channel.localAddress?.port)

        let page = try Connection(port: port)
        page.send("GET /docs/intro HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(page.read(until: "</html>"), "\(page.received)")
        #expect(page.received.hasPrefix("HTTP/1.1 503"), "\(page.received)")
        #expect(page.received.lowercased().contains("content-type: text/html; charset=utf-8"))
        #expect(page.received.contains("Building the site…"))
        #expect(page.received.contains("<script src=\"/__docket/reload.js\" data-version=\"0\"></script>"))

        let events = try Connection(port: port)
        events.send("GET /__docket/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        #expect(events.read(until: "data: 0\n\n"), "\(events.received)")
        state.published(folder)
        #expect(events.read(until: "data: 1\n\n"), "the first build, pushed: \(events.received)")

        let after = try Connection(port: port)
        after.send("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(after.read(until: "</html>"))
        #expect(
            after.received.hasPrefix("HTTP/1.1 200") && after.received.contains("<p>Hello</p>"), "\(after.received)")
    }

    @Test func anotherHostGetsNoEvents() throws {
        let state = PreviewState()
        let channel = try PreviewServer(state: state).start(port: 0)
        defer { try? channel.close().wait() }
        let connection = try Connection(port: try #require(channel.localAddress?.port))
        connection.send("GET /__docket/events HTTP/1.1\r\nHost: evil.example\r\n\r\n")
        #expect(connection.read(until: "\r\n\r\n"))
        #expect(connection.received.hasPrefix("HTTP/1.1 403"), "\(connection.received)")
    }
}
