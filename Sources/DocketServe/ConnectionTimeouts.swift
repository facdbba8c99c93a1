import NIOCore

/// Closes a connection that is slow to send its request head or sits idle too long, so a few
/// stuck or hostile clients cannot hold the preview's connections. It sits before the HTTP
/// decoder and sees raw bytes: the head timer starts with the connection or with the first
/// byte of a new request, and `PreviewHandler` reports when a head arrived and when its
/// response went out.
final class ConnectionTimeouts: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let head: TimeAmount
    private let idle: TimeAmount
    private var timer: Scheduled<Void>?
    /// A response went out and no byte of the next request has arrived.
    private var betweenRequests = false

    init(limits: PreviewLimits) {
        head = .milliseconds(Int64(limits.headTimeout * 1000))
        idle = .milliseconds(Int64(limits.idleTimeout * 1000))
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context.channel, head) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context.channel, head)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if betweenRequests {
            betweenRequests = false
            arm(context.channel, head)
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    /// A whole request head arrived: it is answered at once.
    func headReceived() {
        timer?.cancel()
        timer = nil
    }

    /// The response went out and the connection stays open for the next request.
    func responseSent(_ channel: Channel) {
        betweenRequests = true
        arm(channel, idle)
    }

    private func arm(_ channel: Channel, _ amount: TimeAmount) {
        timer?.cancel()
        timer = channel.eventLoop.scheduleTask(in: amount) { channel.close(promise: nil) }
    }
}
