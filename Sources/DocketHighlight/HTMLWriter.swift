/// Renders tokens as escaped HTML, one string per line of code: a span open at a newline is
/// closed before it and reopened after it, because the page wraps every line in its own element
/// (line highlights, line numbers) and a span may not cross that boundary.
enum HTMLWriter {
    /// Every kind's open tag, one after another: kind `k`'s is `openTagBytes[openTagStarts[k]..<
    /// openTagStarts[k + 1]]`. One array read through one pointer a call: an array a kind, and
    /// the fixed tags as arrays, were shared objects retained for every token on every core.
    private static let openTagBytes: [UInt8] = TokenKind.allCases.flatMap(\.openTag)
    private static let openTagStarts: [Int] = TokenKind.allCases.reduce(into: [0]) {
        $0.append($0.last! + $1.openTag.count)
    }
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
        let starts = openTagStarts
        openTagBytes.withUnsafeBufferPointer { openTags in
            write(
                bytes, tokens: tokens, into: &out, openTags: openTags, starts: starts, lineStart: lineStart,
                lineEnd: lineEnd)
        }
    }

    private static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, tokens: [RawToken], into out: inout [UInt8],
        openTags: UnsafeBufferPointer<UInt8>, starts: [Int],
        lineStart: (Int, inout [UInt8]) -> Void, lineEnd: (inout [UInt8]) -> Void
    ) {
        var lineNumber = 0
        lineStart(0, &out)
        for token in tokens {
            let plain = token.kind == .plain
            let ordinal = token.kind.ordinal
            let open = UnsafeBufferPointer(rebasing: openTags[starts[ordinal]..<starts[ordinal + 1]])
            var isOpen = false
            var index = token.start
            while index < token.end {
                let byte = bytes[index]
                if byte == 0x0A {
                    if isOpen { append("</span>", to: &out); isOpen = false }
                    lineEnd(&out)
                    lineNumber += 1
                    lineStart(lineNumber, &out)
                    index += 1
                    continue
                }
                if !plain && !isOpen { out.append(contentsOf: open); isOpen = true }
                switch byte {
                case UInt8(ascii: "&"): append("&amp;", to: &out)
                case UInt8(ascii: "<"): append("&lt;", to: &out)
                case UInt8(ascii: ">"): append("&gt;", to: &out)
                case UInt8(ascii: "\""): append("&quot;", to: &out)
                default:
                    var runEnd = index + 1
                    while runEnd < token.end && !special.contains(bytes[runEnd]) { runEnd += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                    index = runEnd
                    continue
                }
                index += 1
            }
            if isOpen { append("</span>", to: &out) }
        }
        lineEnd(&out)
    }

    /// A fixed tag or entity: a static string's bytes, no object to retain.
    @inline(__always)
    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
