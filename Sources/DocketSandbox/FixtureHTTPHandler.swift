import Foundation
import NIOCore
import NIOHTTP1

/// Answers one HTTP request of the fixture server from its routes, and records it.
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
        recorder.record(
            RecordedRequest(
                method: head.method.rawValue, url: "\(scheme)://\(host)\(head.uri)", status: Int(status.code),
                routed: route != nil, time: Date().timeIntervalSince1970))
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
            promise: nil)
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
