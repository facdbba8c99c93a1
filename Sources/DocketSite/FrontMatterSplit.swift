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
    public init(_ text: String) {
        var content = Substring(text)
        if content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
        guard content.hasPrefix("---"), let firstEnd = content.firstIndex(of: "\n"),
            content[content.startIndex..<firstEnd].trimmingTrailingSpace == "---"
        else {
            yaml = nil
            body = String(content)
            bodyLineOffset = 0
            return
        }
        var lineStart = content.index(after: firstEnd)
        var lines = 1
        while lineStart < content.endIndex {
            let lineEnd = content[lineStart...].firstIndex(of: "\n") ?? content.endIndex
            let line = content[lineStart..<lineEnd].trimmingTrailingSpace
            lines += 1
            if line == "---" {
                yaml = String(content[content.index(after: firstEnd)..<lineStart])
                body = lineEnd < content.endIndex ? String(content[content.index(after: lineEnd)...]) : ""
                bodyLineOffset = lines
                return
            }
            lineStart = lineEnd < content.endIndex ? content.index(after: lineEnd) : content.endIndex
        }
        // An opening fence with no closing one is not front matter (gray-matter agrees).
        yaml = nil
        body = String(content)
        bodyLineOffset = 0
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
