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
        write(bytes, tokens: tokens, into: &line) { _, _ in
        } lineEnd: { line in
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
        }
        return lines
    }

    /// Writes the tokens as escaped HTML into `out`: `lineStart(n, &out)` before line `n` (from
    /// 0) and `lineEnd(&out)` after each line, last included; the newlines themselves are not
    /// written. A span open at the end of a line is closed before `lineEnd`.
    static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, tokens: [RawToken], into out: inout [UInt8],
        lineStart: (Int, inout [UInt8]) -> Void, lineEnd: (inout [UInt8]) -> Void
    ) {
        var lineNumber = 0
        lineStart(0, &out)
        for token in tokens {
            let plain = token.kind == .plain
            let open = plain ? [] : openTags[token.kind.ordinal]
            var isOpen = false
            var index = token.start
            while index < token.end {
                let byte = bytes[index]
                if byte == 0x0A {
                    if isOpen { out.append(contentsOf: closeTag); isOpen = false }
                    lineEnd(&out)
                    lineNumber += 1
                    lineStart(lineNumber, &out)
                    index += 1
                    continue
                }
                if !plain && !isOpen { out.append(contentsOf: open); isOpen = true }
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: ampersand)
                case UInt8(ascii: "<"): out.append(contentsOf: less)
                case UInt8(ascii: ">"): out.append(contentsOf: greater)
                case UInt8(ascii: "\""): out.append(contentsOf: quote)
                default:
                    var runEnd = index + 1
                    while runEnd < token.end && !special.contains(bytes[runEnd]) { runEnd += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                    index = runEnd
                    continue
                }
                index += 1
            }
            if isOpen { out.append(contentsOf: closeTag) }
        }
        lineEnd(&out)
    }
}
