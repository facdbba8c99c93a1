import DocketDiagnostics
import Foundation

/// Lines and columns in a JSON file, for messages about a report given to `--merge-reports`.
enum JSONPosition {
    /// The line and column (1-based; columns in bytes, as everywhere in docket) of byte `offset`.
    static func location(ofOffset offset: Int, in data: Data, path: String) -> SourceLocation {
        let bytes = [UInt8](data.prefix(max(0, offset)))
        let line = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = (bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        return SourceLocation(path: path, line: line, column: bytes.count - lineStart + 1)
    }

    /// Where Foundation's parser stopped, from its message: "… around line 3, column 14.",
    /// "… around character 25." (a byte offset), or the end for "Unexpected end of file".
    /// The whole file when the message gives no place.
    static func location(of message: String, in data: Data, path: String) -> SourceLocation {
        if let numbers = numbers(after: "line ", and: "column ", in: message) {
            return SourceLocation(path: path, line: numbers.0, column: numbers.1)
        }
        if let offset = number(after: "character ", in: message) {
            return location(ofOffset: offset, in: data, path: path)
        }
        if message.lowercased().contains("end of file") || data.isEmpty {
            return location(ofOffset: data.count, in: data, path: path)
        }
        return SourceLocation(path: path, line: 0, column: 0)
    }

    /// The first match of `pattern` in the file, located.
    static func find(pattern: String, in data: Data, path: String) -> SourceLocation? {
        let text = String(decoding: data, as: UTF8.self)
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range, in: text)
        else { return nil }
        return location(ofOffset: text.utf8.distance(from: text.startIndex, to: range.lowerBound), in: data, path: path)
    }

    private static func number(after word: String, in text: String) -> Int? {
        guard let range = text.range(of: word) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    private static func numbers(after first: String, and second: String, in text: String) -> (Int, Int)? {
        guard let line = number(after: first, in: text), let column = number(after: second, in: text) else {
            return nil
        }
        return (line, column)
    }
}
