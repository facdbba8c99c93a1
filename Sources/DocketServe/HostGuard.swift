/// The DNS-rebinding guard: a web page on another site can make a browser resolve its own name
/// to 127.0.0.1 and read the preview, but it cannot change the `Host` header the browser sends.
/// So only requests naming a loopback host (or one the user allowed) are answered.
enum HostGuard {
    /// True when the `Host` header value (`localhost:3000`, `127.0.0.1`, `[::1]:3000`) names
    /// a loopback host or one of `allowed` (lower-cased names).
    static func allows(_ header: String?, allowed: Set<String>) -> Bool {
        guard let name = hostName(header) else { return false }
        if name == "localhost" || name == "::1" || allowed.contains(name) { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && UInt8(part) != nil
            }
    }

    /// The host of a `Host` header, lower-cased, without port, brackets or a trailing dot.
    static func hostName(_ header: String?) -> String? {
        guard var value = header?.trimmingCharacters(in: .whitespaces).lowercased(), !value.isEmpty else { return nil }
        if value.hasPrefix("[") {
            guard let end = value.firstIndex(of: "]") else { return nil }
            return String(value[value.index(after: value.startIndex)..<end])
        }
        if let colon = value.lastIndex(of: ":") {
            let port = value[value.index(after: colon)...]
            guard port.allSatisfy(\.isNumber) else { return nil }
            value = String(value[..<colon])
        }
        if value.hasSuffix(".") { value.removeLast() }
        return value.isEmpty ? nil : value
    }
}
