import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// The HTTP server of `docket serve`: static files of the last build on loopback, with a small
/// script in every page that reloads it when a new build is published.
public final class PreviewServer: Sendable {
    private let state: PreviewState
    private let limits: PreviewLimits
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let connections = NIOLockedValueBox(0)

    public init(state: PreviewState, limits: PreviewLimits = PreviewLimits()) {
        self.state = state
        self.limits = limits
    }

    /// Binds 127.0.0.1:`port` (0: any free port; see the channel's `localAddress`) and returns
    /// the channel (wait on its `closeFuture`).
    public func start(port: Int) throws -> Channel {
        let state = self.state
        let limits = self.limits
        let connections = self.connections
        return try ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                // Past the cap, a new connection is closed at once: a runaway client cannot
                // exhaust the process's file descriptors.
                let admitted = connections.withLockedValue { count -> Bool in
                    guard count < limits.maxConnections else { return false }
                    count += 1
                    return true
                }
                guard admitted else { return channel.close() }
                channel.closeFuture.whenComplete { _ in connections.withLockedValue { $0 -= 1 } }
                return channel.eventLoop.makeCompletedFuture {
                    let timeouts = ConnectionTimeouts(limits: limits)
                    try channel.pipeline.syncOperations.addHandler(timeouts)
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(PreviewHandler(state: state, limits: limits, timeouts: timeouts))
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .wait()
    }
}
