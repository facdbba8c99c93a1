/// Renders tokens as escaped HTML, one string per line of code: a span open at a newline is
/// closed before it and reopened after it, because the page wraps every line in its own element
/// (line highlights, line numbers) and a span may not cross that boundary.
enum HTMLWriter {
    private static let openTags: [[UInt8]] = TokenKind.allCases.map(\.openTag)
    private static let closeTag = Array("</span>".utf8)

    static func lines(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [RawToken]) -> [String] {
        var lines: [String] = []
        var line: [UInt8] = []
        line.reserveCapacity(128)
        for token in tokens {
            let plain = token.kind == .plain
            let open = plain ? [] : openTags[kindIndex(token.kind)]
            var isOpen = false
            for index in token.start..<token.end {
                let byte = bytes[index]
                if byte == 0x0A {
                    if isOpen { line.append(contentsOf: closeTag); isOpen = false }
                    lines.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                    continue
                }
                if !plain && !isOpen { line.append(contentsOf: open); isOpen = true }
                switch byte {
                case UInt8(ascii: "&"): line.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])
                case UInt8(ascii: "<"): line.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])
                case UInt8(ascii: ">"): line.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])
                case UInt8(ascii: "\""): line.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])
                default: line.append(byte)
                }
            }
            if isOpen { line.append(contentsOf: closeTag) }
        }
        lines.append(String(decoding: line, as: UTF8.self))
        return lines
    }

    private static func kindIndex(_ kind: TokenKind) -> Int {
        TokenKind.allCases.firstIndex(of: kind)!
    }
}
