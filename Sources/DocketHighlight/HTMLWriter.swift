/// Renders tokens as escaped HTML, one string per line of code: a span open at a newline is
/// closed before it and reopened after it, because the page wraps every line in its own element
/// (line highlights, line numbers) and a span may not cross that boundary.
enum HTMLWriter {
    private static let openTags: [[UInt8]] = TokenKind.allCases.map(\.openTag)
    private static let closeTag = Array("</span>".utf8)
    private static let ampersand = Array("&amp;".utf8), less = Array("&lt;".utf8)
    private static let greater = Array("&gt;".utf8), quote = Array("&quot;".utf8)
    /// The bytes that need escaping or end a line; everything else is copied in runs.
    private static let special = ByteSet("&<>\"\n")

    static func lines(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [RawToken]) -> [String] {
        var lines: [String] = []
        var line: [UInt8] = []
        line.reserveCapacity(128)
        for token in tokens {
            let plain = token.kind == .plain
            let open = plain ? [] : openTags[kindIndex(token.kind)]
            var isOpen = false
            var index = token.start
            while index < token.end {
                let byte = bytes[index]
                if byte == 0x0A {
                    if isOpen { line.append(contentsOf: closeTag); isOpen = false }
                    lines.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                    index += 1
                    continue
                }
                if !plain && !isOpen { line.append(contentsOf: open); isOpen = true }
                switch byte {
                case UInt8(ascii: "&"): line.append(contentsOf: ampersand)
                case UInt8(ascii: "<"): line.append(contentsOf: less)
                case UInt8(ascii: ">"): line.append(contentsOf: greater)
                case UInt8(ascii: "\""): line.append(contentsOf: quote)
                default:
                    var runEnd = index + 1
                    while runEnd < token.end && !special.contains(bytes[runEnd]) { runEnd += 1 }
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                    index = runEnd
                    continue
                }
                index += 1
            }
            if isOpen { line.append(contentsOf: closeTag) }
        }
        lines.append(String(decoding: line, as: UTF8.self))
        return lines
    }

    private static let indexOfKind: [TokenKind: Int] = Dictionary(
        uniqueKeysWithValues: TokenKind.allCases.enumerated().map { ($1, $0) })

    private static func kindIndex(_ kind: TokenKind) -> Int { indexOfKind[kind]! }
}
