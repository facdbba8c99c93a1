import Foundation

/// The fields of a `CodeBlockInfo` and the parsing of an info string into them; see
/// `CodeBlockInfo` for what each means.
struct CodeBlockFields: Sendable {
    /// The info string as written (for positions of attributes within it).
    var text: String
    /// The language, lowercased (`PHP` → `php`); empty when none is given.
    var language: String
    var title: String?
    /// 1-based line ranges highlighted with `{1,3-5}`, as written: `{1-3000000000}` stays one
    /// range, and only `highlightedLines(upTo:)` turns ranges into lines, capped by the block.
    var highlightRanges: [ClosedRange<Int>]
    /// True when the meta string gave a highlight range (it then wins over magic comments).
    var hasHighlightRange: Bool
    /// The first line number when line numbers are shown.
    var lineNumbersStart: Int?
    /// What is wrong with the info string (a `showLineNumbers` start out of range), for a
    /// located error; the values above are then the defaults.
    var problems: [String] = []

    /// The largest `showLineNumbers` start accepted (either sign), so a line number plus the
    /// block's line count never overflows.
    static let maxLineNumber = 1_000_000_000
    /// The longest info string read, in bytes; a longer one is an error and only its start is
    /// read (every attribute docket knows fits in a few hundred bytes).
    static let maxInfoLength = 4096
    /// Every `key=value` or bare `flag` attribute, in the order written (flags have empty values).
    var attributes: [(key: String, value: String)]

    init(_ info: String) {
        text = info
        var scanner = Substring(info)
        var tooLong = false
        if info.utf8.count > Self.maxInfoLength {
            let end = info.utf8.index(info.utf8.startIndex, offsetBy: Self.maxInfoLength)
            scanner = info[..<Self.characterBoundary(before: end, in: info)]
            tooLong = true
        }
        scanner = scanner.drop { $0 == " " || $0 == "\t" }
        let lang = scanner.prefix { $0 != " " && $0 != "\t" && $0 != "{" }
        language = lang.lowercased()
        scanner = scanner.dropFirst(lang.count)
        title = nil
        highlightRanges = []
        hasHighlightRange = false
        lineNumbersStart = nil
        attributes = []

        while true {
            scanner = scanner.drop { $0 == " " || $0 == "\t" }
            guard let first = scanner.first else { break }
            if first == "{" {
                let body = Self.balanced(&scanner, open: "{", close: "}")
                if body.hasPrefix("\"") || body.contains(":") {
                    parseRunmeJSON(body)
                } else if body.contains("=") {
                    parseAttributes(Substring(body))
                } else {
                    hasHighlightRange = true
                    highlightRanges += Self.lineRanges(body)
                }
                continue
            }
            let key = scanner.prefix { $0 != "=" && $0 != " " && $0 != "\t" }
            scanner = scanner.dropFirst(key.count)
            var value = ""
            if scanner.first == "=" {
                scanner = scanner.dropFirst()
                value = Self.value(&scanner, stopAtComma: false)
            }
            add(key: String(key), value: value)
        }
        if tooLong {
            problems.append("the info string of this code block is longer than \(Self.maxInfoLength) bytes")
        }
    }

    private static func characterBoundary(before index: String.Index, in text: String) -> String.Index {
        var i = index
        while i > text.startIndex && i.samePosition(in: text) == nil { i = text.utf8.index(before: i) }
        return i
    }

    private mutating func add(key: String, value: String) {
        switch key {
        case "title": title = value
        case "showLineNumbers":
            lineNumbersStart = 1
            if value.isEmpty { break }
            if let start = Int(value), start >= -Self.maxLineNumber, start <= Self.maxLineNumber {
                lineNumbersStart = start
            } else if Int(value) != nil || value.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" }) {
                problems.append(
                    "'showLineNumbers=\(value)' must start from a whole number between -\(Self.maxLineNumber) and \(Self.maxLineNumber)"
                )
            }
        default: break
        }
        if !key.isEmpty { attributes.append((key, value)) }
    }

    /// Runme's `{ name=x excludeFromRunAll=true }` form.
    private mutating func parseAttributes(_ body: Substring) {
        var scanner = body
        while true {
            scanner = scanner.drop { $0 == " " || $0 == "\t" || $0 == "," }
            guard !scanner.isEmpty else { break }
            let key = scanner.prefix { $0 != "=" && $0 != " " && $0 != "," }
            scanner = scanner.dropFirst(key.count)
            var value = ""
            if scanner.first == "=" {
                scanner = scanner.dropFirst()
                value = Self.value(&scanner)
            }
            add(key: String(key), value: value)
        }
    }

    /// Runme's `{"name":"x","interactive":"false"}` form: flat string/number/bool values only.
    private mutating func parseRunmeJSON(_ body: String) {
        var scanner = Substring(body)
        while true {
            scanner = scanner.drop { $0 == " " || $0 == "," || $0 == "\t" }
            guard scanner.first == "\"" else { break }
            let key = Self.value(&scanner)
            scanner = scanner.drop { $0 == " " }
            guard scanner.first == ":" else { break }
            scanner = scanner.dropFirst().drop { $0 == " " }
            let value: String
            if scanner.first == "\"" {
                value = Self.value(&scanner)
            } else {
                let raw = scanner.prefix { $0 != "," && $0 != " " }
                scanner = scanner.dropFirst(raw.count)
                value = String(raw)
            }
            add(key: key, value: value)
        }
    }

    /// A quoted (`"…"` or `'…'`, backslash escapes in double quotes) or bare value.
    /// - Parameter stopAtComma: true inside Runme's `{ … }` forms, where `,` separates attributes.
    private static func value(_ scanner: inout Substring, stopAtComma: Bool = true) -> String {
        guard let quote = scanner.first, quote == "\"" || quote == "'" else {
            let raw = scanner.prefix { $0 != " " && $0 != "\t" && $0 != "}" && !(stopAtComma && $0 == ",") }
            scanner = scanner.dropFirst(raw.count)
            return String(raw)
        }
        scanner = scanner.dropFirst()
        var out = ""
        while let c = scanner.first {
            scanner = scanner.dropFirst()
            if c == quote { break }
            if c == "\\" && quote == "\"", let next = scanner.first {
                out.append(next)
                scanner = scanner.dropFirst()
                continue
            }
            out.append(c)
        }
        return out
    }

    private static func balanced(_ scanner: inout Substring, open: Character, close: Character) -> String {
        var depth = 0
        var out = ""
        while let c = scanner.first {
            scanner = scanner.dropFirst()
            if c == open {
                depth += 1
                if depth == 1 { continue }
            }
            if c == close {
                depth -= 1
                if depth == 0 { break }
            }
            out.append(c)
        }
        return out
    }

    /// `1,3-5` → [1...1, 3...5]. Parts that are not numbers or ranges are ignored, as
    /// Docusaurus does; no range is expanded here.
    static func lineRanges(_ text: String) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            if bounds.count == 1, let n = bounds[0] {
                ranges.append(n...n)
            } else if bounds.count == 2, let a = bounds[0], let b = bounds[1], a <= b {
                ranges.append(a...b)
            }
        }
        return ranges
    }

    /// The highlighted lines among lines `1...lineCount`: linear in the ranges plus the lines,
    /// whatever the ranges say.
    func highlightedLines(upTo lineCount: Int) -> Set<Int> {
        guard lineCount > 0 else { return [] }
        // Coverage counts by difference: +1 where a range starts, -1 after it ends.
        var delta = [Int](repeating: 0, count: lineCount + 2)
        for range in highlightRanges {
            let low = max(range.lowerBound, 1)
            let high = min(range.upperBound, lineCount)
            guard low <= high else { continue }
            delta[low] += 1
            delta[high + 1] -= 1
        }
        var lines = Set<Int>()
        var covered = 0
        for line in 1...lineCount {
            covered += delta[line]
            if covered > 0 { lines.insert(line) }
        }
        return lines
    }
}
