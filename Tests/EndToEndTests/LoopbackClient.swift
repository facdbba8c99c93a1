import Foundation

/// A raw TCP connection to 127.0.0.1, for testing what the preview server does with slow,
/// idle, HTTP/1.0 or too many clients. Every read waits at most `timeout` seconds.
final class LoopbackClient {
    private let fd: Int32

    init?(port: Int, timeout: Double = 5) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    func send(_ text: String) {
        _ = text.withCString { Foundation.send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    /// What arrives until `done` says the text is complete, the server closes the connection
    /// (`closed`), or the wait runs out.
    func receive(until done: (Data) -> Bool = { _ in false }) -> (data: Data, closed: Bool) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(data) {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return (data, true) }
            if count < 0 { return (data, errno == ECONNRESET) }
            data.append(buffer, count: count)
        }
        return (data, false)
    }

    /// One request and its whole response (the body is read by its Content-Length).
    func request(_ path: String, host: String? = "127.0.0.1", extra: String = "", version: String = "HTTP/1.1")
        -> (status: Int, head: String, body: String)
    {
        send("GET \(path) \(version)\r\n" + (host.map { "Host: \($0)\r\n" } ?? "") + extra + "\r\n")
        let separator = Data("\r\n\r\n".utf8)
        let (data, _) = receive { data in
            guard let end = data.range(of: separator) else { return false }
            let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
            let length =
                head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            return data.count - end.upperBound >= length
        }
        guard let end = data.range(of: separator) else { return (0, String(decoding: data, as: UTF8.self), "") }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, head, String(decoding: data[end.upperBound...], as: UTF8.self))
    }

    /// True when the server has closed the connection (read returns end of file in time).
    func isClosedByServer() -> Bool { receive().closed }
}
