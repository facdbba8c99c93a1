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

    /// The server could not listen: the port is taken, or the system refused the socket.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Binds 127.0.0.1:`port` (0: any free port; see the channel's `localAddress`) and returns
    /// the channel (wait on its `closeFuture`). A port in use is said in those words, with what
    /// to do, instead of NIO's `bind(descriptor:ptr:bytes:)` error.
    public func start(port: Int) throws(Failure) -> Channel {
        do {
            return try bind(port: port)
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw Failure(
                description:
                    "127.0.0.1:\(port) is already in use (another docket serve?): stop that server, or choose another port with --port (--port 0 picks a free one)"
            )
        } catch {
            throw Failure(description: "cannot listen on 127.0.0.1:\(port): \(error)")
        }
    }

    private func bind(port: Int) throws -> Channel {
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
