import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Serves the files of the last build, or the build's problems, and the reload channel the
/// pages listen to (server-sent events).
final class PreviewHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let state: PreviewState
    let limits: PreviewLimits
    let timeouts: ConnectionTimeouts

    init(state: PreviewState, limits: PreviewLimits, timeouts: ConnectionTimeouts) {
        self.state = state
        self.limits = limits
        self.timeouts = timeouts
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let head) = unwrapInboundIn(data) else { return }
        timeouts.headReceived()
        let (status, type, body): (HTTPResponseStatus, String, [UInt8])
        if !HostGuard.allows(head.headers.first(name: "Host"), allowed: limits.allowedHosts) {
            let host = head.headers.first(name: "Host") ?? "(none)"
            (status, type, body) = (
                .forbidden, "text/plain; charset=utf-8",
                Array(
                    """
                    docket serve answers only requests for localhost, 127.x.x.x or [::1]; this one was for \(host).
                    If you reach the preview under another name on purpose, start it with --allow-host NAME.

                    """.utf8)
            )
        } else if head.method == .GET, head.uri.split(separator: "?").first == "/__docket/events" {
            openReloadChannel(context: context, head: head)
            return
        } else if head.method != .GET && head.method != .HEAD {
            (status, type, body) = (.methodNotAllowed, "text/plain; charset=utf-8", Array("only GET and HEAD\n".utf8))
        } else {
            (status, type, body) = response(for: head.uri)
        }
        // HTTP/1.0 without keep-alive, or `Connection: close`: close once the response is out.
        let keepAlive = head.isKeepAlive
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: type)
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
            promise: nil)
        if head.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        }
        let channel = context.channel
        let sent = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: sent)
        if keepAlive {
            timeouts.responseSent(channel)
        } else {
            sent.futureResult.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// A `text/event-stream` response that stays open: the current version at once, then each
    /// new one as soon as a build is published. The page's script reloads when it differs
    /// from the version the page was served with.
    private func openReloadChannel(context: ChannelHandlerContext, head: HTTPRequestHead) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/event-stream")
        headers.add(name: "Cache-Control", value: "no-store")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil
        )
        let channel = context.channel
        let send: @Sendable (String) -> Void = { text in
            channel.eventLoop.execute {
                channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: text))), promise: nil)
            }
        }
        let state = self.state
        let key = state.subscribe { version in send("data: \(version)\n\n") }
        channel.closeFuture.whenComplete { _ in state.unsubscribe(key) }
        context.writeAndFlush(
            wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: "retry: 500\ndata: \(state.version)\n\n")))),
            promise: nil)
    }

    private func response(for uri: String) -> (HTTPResponseStatus, String, [UInt8]) {
        let path = String(uri.split(separator: "?", maxSplits: 1).first ?? "/").removingPercentEncoding ?? "/"
        if path == "/__docket/version" {
            return (.ok, "text/plain", Array(String(state.version).utf8))
        }
        if path == "/__docket/reload.js" {
            return (.ok, "text/javascript; charset=utf-8", Array(PreviewPages.reloadScript.utf8))
        }
        if let problems = state.problems {
            return (
                .ok, "text/html; charset=utf-8", Array(PreviewPages.problems(problems, version: state.version).utf8)
            )
        }
        guard let folder = state.folder else {
            return (
                .serviceUnavailable, "text/html; charset=utf-8",
                Array(PreviewPages.building(version: state.version).utf8)
            )
        }
        let segments = path.split(separator: "/").map(String.init)
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else {
            return (.forbidden, "text/plain", [])
        }
        let base = segments.reduce(folder) { $0.appendingPathComponent($1) }
        let root = Self.realPath(folder.path)
        var isDirectory: ObjCBool = false
        let relative = segments.joined(separator: "/")
        for name in [relative, relative.isEmpty ? "index.html" : relative + "/index.html", relative + ".html"]
        where !name.isEmpty {
            state.materialize(name)
        }
        for candidate in [base, base.appendingPathComponent("index.html"), base.appendingPathExtension("html")] {
            // Only files inside the built site, even if a symlink found its way in.
            guard let real = Self.realPath(candidate.path), let root, real.hasPrefix(root + "/") else { continue }
            if FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: real)
            {
                return (.ok, Self.contentType(candidate.pathExtension), inject(data, type: candidate.pathExtension))
            }
        }
        let missing =
            FileManager.default.contents(atPath: folder.appendingPathComponent("404.html").path)
            ?? Data("not found\n".utf8)
        return (.notFound, "text/html; charset=utf-8", inject(missing, type: "html"))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func inject(_ data: Data, type: String) -> [UInt8] {
        guard type == "html", var text = String(data: data, encoding: .utf8) else { return Array(data) }
        let script = PreviewPages.reloadTag(version: state.version)
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
