import Foundation

/// Finds `:::name` container directives (admonitions) line by line, outside fenced code, and
/// replaces each fence line with an HTML comment marker of the same line count. cmark-gfm then
/// parses the content between the markers as ordinary Markdown, and `DirectiveFolder` turns each
/// marker pair into one directive node. This keeps every line number of the page intact, which a
/// pre-pass that split the text apart would not.
struct DirectiveScanner {
    /// An opening fence found in the text.
    struct Opening {
        var name: String
        var titleSource: String?
        /// The 1-based byte column of the title's first character on the fence line.
        var titleColumn: Int
        var fenceLength: Int
        var line: Int
        var column: Int
    }

    /// The deepest nesting of `:::` containers accepted; a deeper opening is an error and stays
    /// text (nesting is what made a page of 5,000 nested notes take seconds and gigabytes).
    static let maxNesting = 64

    static let openPrefix = "<!--docket-directive-open:"
    static let closePrefix = "<!--docket-directive-close:"

    private(set) var openings: [Opening] = []
    /// Limits broken, at file positions.
    private(set) var problems: [MarkdownProblem] = []
    private var reportedTooDeep = false
    /// File lines where a marker replaced a fence: a marker-like comment the author wrote on any
    /// other line is just a comment (it could otherwise name an opening that does not exist).
    private(set) var markerLines = Set<Int>()
    /// Each marker → the fence text it replaced (`:::tip Title`), to put back where cmark-gfm
    /// read the marker as code or as inline HTML (a fence indented into a code block or a
    /// paragraph's continuation is no directive).
    private(set) var fenceTexts: [String: String] = [:]
    /// File line of each closing fence → its 1-based column (its indentation plus one).
    private(set) var closeColumns: [Int: Int] = [:]

    /// The fence and the open directives while lines are scanned.
    private struct LineState {
        var fence: (char: Character, length: Int)?
        var stack: [Int] = []  // indices into `openings`
    }

    /// Returns `text` with directive fence lines replaced by markers. `lineOffset` is the number
    /// of lines of the file before `text`, for positions.
    ///
    /// One pass over the bytes: a line is looked at as text only when its first byte after the
    /// indentation could start a fence (`` ` ``, `~`, `:`), and the text is copied only when a
    /// line is replaced. Splitting every page into an array of lines and joining it again was
    /// 4% of a build.
    mutating func scan(_ text: String, lineOffset: Int = 0) -> String {
        // `"\r\n"` is one Character, so the line-by-line form (a split on the Character "\n")
        // does not end a line there; the byte pass would. Such a text keeps the old reading.
        if Self.holdsCRLF(text) { return scanBySplitting(text, lineOffset: lineOffset) }
        var state = LineState()
        var output = ""
        var copiedUpTo = text.startIndex
        let utf8 = text.utf8
        var bytesView = text
        bytesView.withUTF8 { bytes in
            let (newline, space, tab) = (UInt8(10), UInt8(32), UInt8(9))
            var lineStart = 0
            var index = 0
            while lineStart <= bytes.count {
                let lineEnd = bytes.firstOffset(of: newline, from: lineStart) ?? bytes.count
                var first = lineStart
                while first < lineEnd && (bytes[first] == space || bytes[first] == tab) { first += 1 }
                let byte: UInt8 = first < lineEnd ? bytes[first] : 0
                // The Character tests of `scanLine` can only succeed when the byte is the
                // fence's own ASCII character: any other line is kept as written.
                let mayMatter: Bool
                if let open = state.fence {
                    mayMatter = byte == open.char.asciiValue
                } else {
                    mayMatter = byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: ":")
                }
                if mayMatter {
                    let lower = utf8.index(utf8.startIndex, offsetBy: lineStart)
                    let upper = utf8.index(utf8.startIndex, offsetBy: lineEnd)
                    if let replacement = scanLine(
                        text[lower..<upper], index: index, lineOffset: lineOffset, state: &state)
                    {
                        output += text[copiedUpTo..<lower]
                        output += replacement
                        copiedUpTo = upper
                    }
                }
                index += 1
                lineStart = lineEnd + 1
            }
        }
        if copiedUpTo == text.startIndex { return text }
        output += text[copiedUpTo...]
        return output
    }

    /// `scan` for a text with CRLF line ends: split into Character lines, as it always was.
    mutating func scanBySplitting(_ text: String, lineOffset: Int) -> String {
        var state = LineState()
        var output: [Substring] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let replacement = scanLine(line, index: index, lineOffset: lineOffset, state: &state) {
                output.append(Substring(replacement))
            } else {
                output.append(line)
            }
        }
        return output.joined(separator: "\n")
    }

    private static func holdsCRLF(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var from = 0
            while let carriageReturn = bytes.firstOffset(of: 13, from: from) {
                if carriageReturn + 1 < bytes.count && bytes[carriageReturn + 1] == 10 { return true }
                from = carriageReturn + 1
            }
            return false
        }
    }

    /// Reads one line (`index` is 0-based in the text): the marker that replaces it, or nil
    /// when it stays as written.
    private mutating func scanLine(_ line: Substring, index: Int, lineOffset: Int, state: inout LineState) -> String? {
        let indentEnd = line.firstIndex { $0 != " " && $0 != "\t" } ?? line.endIndex
        let indent = line[line.startIndex..<indentEnd]
        let rest = line[indentEnd...]

        if let open = state.fence {
            let run = rest.prefix { $0 == open.char }.count
            if run >= open.length && rest.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                state.fence = nil
            }
            return nil
        }
        if let first = rest.first, first == "`" || first == "~" {
            let run = rest.prefix { $0 == first }.count
            if run >= 3 && !(first == "`" && rest.dropFirst(run).contains("`")) {
                state.fence = (first, run)
            }
            return nil
        }
        guard rest.hasPrefix(":::") else { return nil }
        let colons = rest.prefix { $0 == ":" }.count
        let afterColons = rest.dropFirst(colons)
        if afterColons.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            // A closing fence closes the innermost directive whose fence is not longer, when
            // it is indented at most 3 spaces more than that directive's opening fence
            // (micromark-extension-directive); a deeper `:::` is text.
            let column = indent.utf8.count + 1
            guard let position = state.stack.lastIndex(where: { openings[$0].fenceLength <= colons }),
                column - openings[state.stack[position]].column <= 3
            else {
                return nil
            }
            let closing = state.stack[position]
            state.stack.removeSubrange(position...)
            fenceTexts[Self.closePrefix + "\(closing)-->"] = String(rest)
            markerLines.insert(lineOffset + index + 1)
            closeColumns[lineOffset + index + 1] = indent.utf8.count + 1
            return String(indent) + Self.closePrefix + "\(closing)-->"
        }
        guard let nameStart = afterColons.first, nameStart.isLetter, nameStart.isASCII else { return nil }
        let name = afterColons.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard state.stack.count < Self.maxNesting else {
            // One error for the first too-deep opening: the ones after it are the same mistake.
            if !reportedTooDeep {
                reportedTooDeep = true
                problems.append(
                    MarkdownProblem(
                        line: lineOffset + index + 1, column: indent.utf8.count + 1,
                        message:
                            "':::\(name)' is nested deeper than \(Self.maxNesting) levels of ':::' containers; it and any deeper ones are left as text"
                    ))
            }
            return nil
        }
        let remainder = afterColons.dropFirst(name.count)
        let title = Self.title(in: remainder)
        openings.append(
            Opening(
                name: String(name),
                titleSource: title.map(String.init),
                titleColumn: title.map { line.utf8.distance(from: line.startIndex, to: $0.startIndex) + 1 } ?? 1,
                fenceLength: colons,
                line: lineOffset + index + 1,
                column: indent.utf8.count + 1))
        state.stack.append(openings.count - 1)
        fenceTexts[Self.openPrefix + "\(openings.count - 1)-->"] = String(rest)
        markerLines.insert(lineOffset + index + 1)
        return String(indent) + Self.openPrefix + "\(openings.count - 1)-->"
    }

    /// The title of `:::tip[Title]{attrs}` or `:::tip Title`; nil when none is given.
    private static func title(in remainder: Substring) -> Substring? {
        var rest = remainder
        if rest.first == "[" {
            var depth = 0
            var end = rest.startIndex
            for i in rest.indices {
                if rest[i] == "[" { depth += 1 }
                if rest[i] == "]" {
                    depth -= 1
                    if depth == 0 { end = i; break }
                }
            }
            if depth == 0 && end > rest.startIndex {
                return rest[rest.index(after: rest.startIndex)..<end]
            }
            return nil
        }
        if let brace = rest.firstIndex(of: "{"), rest[brace...].contains("}") {
            rest = rest[..<brace]
        }
        // Trimmed as a slice of the line, so the title keeps its column.
        while let first = rest.first, first == " " || first == "\t" { rest = rest.dropFirst() }
        while let last = rest.last, last.isWhitespace { rest = rest.dropLast() }
        return rest.isEmpty ? nil : rest
    }
}
