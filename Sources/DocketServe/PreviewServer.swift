import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The HTTP server of `docket serve`: static files of the last build on loopback, with a small
/// script in every page that reloads it when a new build is published.
public final class PreviewServer: Sendable {
    private let state: PreviewState
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    public init(state: PreviewState) {
        self.state = state
    }

    /// Binds 127.0.0.1:`port` and returns the channel (wait on its `closeFuture`).
    public func start(port: Int) throws -> Channel {
        let state = self.state
        return try ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(PreviewHandler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .wait()
    }
}

final class PreviewHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let state: PreviewState

    init(state: PreviewState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let head) = unwrapInboundIn(data) else { return }
        let (status, type, body) = response(for: head.uri)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: type)
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Cache-Control", value: "no-store")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private func response(for uri: String) -> (HTTPResponseStatus, String, [UInt8]) {
        let path = String(uri.split(separator: "?", maxSplits: 1).first ?? "/").removingPercentEncoding ?? "/"
        if path == "/__docket/version" {
            return (.ok, "text/plain", Array(String(state.version).utf8))
        }
        if let problems = state.problems {
            return (.ok, "text/html; charset=utf-8", Array(PreviewPages.problems(problems, version: state.version).utf8))
        }
        guard let folder = state.folder else { return (.serviceUnavailable, "text/plain", Array("building…\n".utf8)) }
        let segments = path.split(separator: "/").map(String.init)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return (.forbidden, "text/plain", []) }
        let base = segments.reduce(folder) { $0.appendingPathComponent($1) }
        var isDirectory: ObjCBool = false
        for candidate in [base, base.appendingPathComponent("index.html"), base.appendingPathExtension("html")] {
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: candidate.path) {
                return (.ok, Self.contentType(candidate.pathExtension), inject(data, type: candidate.pathExtension))
            }
        }
        let missing = FileManager.default.contents(atPath: folder.appendingPathComponent("404.html").path) ?? Data("not found\n".utf8)
        return (.notFound, "text/html; charset=utf-8", inject(missing, type: "html"))
    }

    private func inject(_ data: Data, type: String) -> [UInt8] {
        guard type == "html", var text = String(data: data, encoding: .utf8) else { return Array(data) }
        let script = PreviewPages.reloadScript(version: state.version)
        if let end = text.range(of: "</body>", options: .backwards) {
            text.insert(contentsOf: script, at: end.lowerBound)
        } else {
            text += script
        }
        return Array(text.utf8)
    }

    static func contentType(_ pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "sh", "txt", "md", "yml", "yaml": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}

/// The pages the preview server makes itself.
enum PreviewPages {
    static func reloadScript(version: Int) -> String {
        """
        <script>(function(){var v=\(version);setInterval(function(){fetch("/__docket/version",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(+t!==v)location.reload()}).catch(function(){})},700)})();</script>

        """
    }

    static func problems(_ text: String, version: Int) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build failed | docket serve</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}pre{background:#fff5f5;border-left:4px solid #d33;padding:1rem;overflow:auto;white-space:pre-wrap}</style>
        </head><body><h1>The build failed</h1><p>Fix the problems below and save: this page reloads by itself.</p><pre>\(escaped)</pre>
        \(reloadScript(version: version))</body></html>
        """
    }
}
