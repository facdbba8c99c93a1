import Foundation
import NIOCore
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

        public init(
            routes: [FixtureRoute], httpPort: Int, httpsPort: Int, certificateFile: String, keyFile: String,
            requestLog: String
        ) {
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
        let tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key))
        let context = try NIOSSLContext(configuration: tls)
        let http = try bind(port: configuration.httpPort, scheme: "http", tls: nil)
        let https = try bind(port: configuration.httpsPort, scheme: "https", tls: context)
        return [http, https]
    }

    private func bind(port: Int, scheme: String, tls: NIOSSLContext?) throws -> Channel {
        let routes = configuration.routes
        let recorder = self.recorder
        return try LoopbackHTTPServer.bind(group: group, port: port) {
            (
                tls.map { [NIOSSLServerHandler(context: $0)] } ?? [],
                [FixtureHTTPHandler(routes: routes, scheme: scheme, recorder: recorder)]
            )
        }
    }
}
