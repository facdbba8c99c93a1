import DocketMarkdown

/// A page's text split into its YAML front matter and its Markdown body.
public struct FrontMatterSplit: Sendable {
    /// Lines of the file before the YAML text: the opening `---`. (A byte-order mark before it
    /// adds no line.)
    public static let yamlLineOffset = 1

    /// The YAML between the `---` fences, nil when the page has none.
    public var yaml: String?
    public var body: String
    /// Lines of the file before the body (the front matter and its fences).
    public var bodyLineOffset: Int

    /// Splits `text` the way gray-matter does: a first line of `---`, up to the next `---` line.
    /// Lines are found by their `\n` byte (the text's line endings are already LF), so that a
    /// page's front matter is not walked Character by Character.
    public init(_ text: String) {
        let bytes = text.utf8
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = bytes.index(start, offsetBy: 3) }  // U+FEFF
        guard let firstEnd = bytes[start...].firstIndex(of: UInt8(ascii: "\n")),
            Self.isFence(bytes[start..<firstEnd])
        else {
            yaml = nil
            body = String(text[start...])
            bodyLineOffset = 0
            return
        }
        let yamlStart = bytes.index(after: firstEnd)
        var lineStart = yamlStart
        var lines = 1
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            lines += 1
            if Self.isFence(bytes[lineStart..<lineEnd]) {
                yaml = String(text[yamlStart..<lineStart])
                body = lineEnd < bytes.endIndex ? String(text[bytes.index(after: lineEnd)...]) : ""
                bodyLineOffset = lines
                return
            }
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
        }
        // An opening fence with no closing one is not front matter (gray-matter agrees).
        yaml = nil
        body = String(text[start...])
        bodyLineOffset = 0
    }

    /// A line that is `---` followed only by spaces, tabs or carriage returns.
    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        guard line.starts(with: "---".utf8) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 13 }
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var s = self
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}

extension String {
    /// The text with every CRLF turned into LF, in one pass over the bytes: Foundation's
    /// `replacingOccurrences` took over ten seconds on a 10 MB page of short CRLF lines.
    public var withUnixLineEndings: String {
        var text = self
        return text.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, bytes.count > 1 else { return self }
            // A CR followed by LF, found with `memchr` (every page's whole text is checked, and
            // almost none has one; a byte loop was a hundredth of a build's instructions).
            var first = -1
            var from = 0
            while let index = bytes.firstOffset(of: 13, from: from), index + 1 < bytes.count {
                if base[index + 1] == 10 {
                    first = index
                    break
                }
                from = index + 1
            }
            if first < 0 { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var i = 0
                while i < bytes.count {
                    if base[i] == 13 && i + 1 < bytes.count && base[i + 1] == 10 {
                        i += 1
                        continue
                    }
                    out[count] = base[i]
                    count += 1
                    i += 1
                }
                return count
            }
        }
    }
}
