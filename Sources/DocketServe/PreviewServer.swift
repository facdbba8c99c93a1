import DocketSandbox
import Foundation
import NIOConcurrencyHelpers
import NIOCore
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
        return try LoopbackHTTPServer.bind(
            group: group, port: port,
            admit: { channel in
                // Past the cap, a new connection is closed at once: a runaway client cannot
                // exhaust the process's file descriptors.
                let admitted = connections.withLockedValue { count -> Bool in
                    guard count < limits.maxConnections else { return false }
                    count += 1
                    return true
                }
                if admitted { channel.closeFuture.whenComplete { _ in connections.withLockedValue { $0 -= 1 } } }
                return admitted
            },
            handlers: {
                let timeouts = ConnectionTimeouts(limits: limits)
                return ([timeouts], [PreviewHandler(state: state, limits: limits, timeouts: timeouts)])
            })
    }
}
