import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The HTTP and HTTPS server a runbook talks to inside the sandbox: it answers the fixture's
/// routes, 404 for anything else, and records every request. It runs inside the sandbox's
/// network namespace (started by the sandbox's init script as `docket fixture-server`), so only
/// the runbook can reach it.
public final class FixtureServer: Sendable {
    public struct Configuration: Codable, Sendable {
        public var routes: [FixtureRoute]
        public var httpPort: Int
        public var httpsPort: Int
        public var certificateFile: String
        public var keyFile: String
        /// Requests are appended to this file as JSON lines.
        public var requestLog: String

        public init(routes: [FixtureRoute], httpPort: Int, httpsPort: Int, certificateFile: String, keyFile: String, requestLog: String) {
            self.routes = routes
            self.httpPort = httpPort
            self.httpsPort = httpsPort
            self.certificateFile = certificateFile
            self.keyFile = keyFile
            self.requestLog = requestLog
        }
    }

    private let configuration: Configuration
    private let group: MultiThreadedEventLoopGroup
    private let recorder: RequestRecorder

    public init(configuration: Configuration) {
        self.configuration = configuration
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        recorder = RequestRecorder(path: configuration.requestLog)
    }

    /// Binds both ports; returns when they accept connections.
    public func start() throws -> [Channel] {
        let certificates = try NIOSSLCertificate.fromPEMFile(configuration.certificateFile)
        let key = try NIOSSLPrivateKey(file: configuration.keyFile, format: .pem)
        let tls = TLSConfiguration.makeServerConfiguration(certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key))
        let context = try NIOSSLContext(configuration: tls)
        let http = try bind(port: configuration.httpPort, scheme: "http", tls: nil)
        let https = try bind(port: configuration.httpsPort, scheme: "https", tls: context)
        return [http, https]
    }

    private func bind(port: Int, scheme: String, tls: NIOSSLContext?) throws -> Channel {
        let routes = configuration.routes
        let recorder = self.recorder
        return try ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FixtureHTTPHandler(routes: routes, scheme: scheme, recorder: recorder))
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .wait()
    }
}

/// Appends requests to the log, one JSON object per line.
final class RequestRecorder: Sendable {
    let path: String
    private let lock = NIOLock()

    init(path: String) {
        self.path = path
    }

    func record(_ request: RecordedRequest) {
        guard var data = try? JSONEncoder().encode(request) else { return }
        data.append(0x0A)
        lock.withLock {
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(data)
                try? handle.close()
            } else {
                _ = FileManager.default.createFile(atPath: path, contents: data)
            }
        }
    }
}

final class FixtureHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let routes: [FixtureRoute]
    let scheme: String
    let recorder: RequestRecorder
    private var head: HTTPRequestHead?

    init(routes: [FixtureRoute], scheme: String, recorder: RequestRecorder) {
        self.routes = routes
        self.scheme = scheme
        self.recorder = recorder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end: if let head { respond(to: head, context: context) }
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let hostHeader = head.headers.first(name: "host") ?? "localhost"
        let host = String(hostHeader.split(separator: ":").first ?? Substring(hostHeader)).lowercased()
        let (path, query) = Self.split(head.uri)
        let route = routes.first { route in
            route.method.uppercased() == head.method.rawValue && route.host.lowercased() == host && route.path == path
                && (route.scheme == scheme) && (route.query == nil || route.query == query)
        }
        var body = ByteBuffer()
        var headers = HTTPHeaders()
        var status = HTTPResponseStatus.notFound
        if let route {
            status = HTTPResponseStatus(statusCode: route.status)
            for (name, value) in route.headers.sorted(by: { $0.key < $1.key }) { headers.add(name: name, value: value) }
            if let file = route.bodyFile, let data = FileManager.default.contents(atPath: file) {
                body.writeBytes(data)
            }
        } else {
            body.writeString("docket fixture: no route for \(head.method.rawValue) \(scheme)://\(host)\(head.uri)\n")
            headers.add(name: "Content-Type", value: "text/plain")
        }
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        headers.add(name: "Connection", value: "close")
        recorder.record(RecordedRequest(method: head.method.rawValue, url: "\(scheme)://\(host)\(head.uri)", status: Int(status.code)))
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        // Close once the response is written (one request per connection keeps the server tiny).
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }

    static func split(_ uri: String) -> (String, String?) {
        guard let mark = uri.firstIndex(of: "?") else { return (uri, nil) }
        return (String(uri[..<mark]), String(uri[uri.index(after: mark)...]))
    }
}
