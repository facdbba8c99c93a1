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
