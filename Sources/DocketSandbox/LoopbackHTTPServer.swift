import NIOCore
import NIOHTTP1
import NIOPosix

/// The NIO bootstrap the fixture server and `docket serve`'s preview server share: an HTTP/1.1
/// server bound to 127.0.0.1 only, each connection's pipeline made on its event loop.
public enum LoopbackHTTPServer {
    /// Binds 127.0.0.1:`port` (0: any free port; see the channel's `localAddress`) and returns
    /// the listening channel once it accepts connections.
    /// - Parameters:
    ///   - admit: called first for every new connection; false closes it at once (a cap on
    ///     connections, for instance).
    ///   - handlers: makes a new connection's handlers, on its event loop: those that see raw
    ///     bytes (TLS, timeouts) and those that see decoded requests.
    public static func bind(
        group: EventLoopGroup, port: Int,
        admit: @escaping @Sendable (Channel) -> Bool = { _ in true },
        handlers: @escaping @Sendable () throws -> (beforeHTTP: [any ChannelHandler], afterHTTP: [any ChannelHandler])
    ) throws -> Channel {
        try ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                guard admit(channel) else { return channel.close() }
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    let made = try handlers()
                    try pipeline.addHandlers(made.beforeHTTP)
                    try pipeline.configureHTTPServerPipeline()
                    try pipeline.addHandlers(made.afterHTTP)
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .wait()
    }
}
