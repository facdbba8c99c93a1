import Foundation

/// How the check's JSON reports are written and read: one encoder for `docket check --json` and
/// for a merged report (pretty-printed, keys sorted, `/` bare), so that the same report is the
/// same bytes whichever wrote it, and one decoder for `--merge-reports`.
enum ReportJSON {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let decoder = JSONDecoder()

    /// The value as a report's text, with a final newline.
    static func text<T: Encodable>(_ value: T) -> String {
        // The report types encode plain strings, numbers and arrays, which cannot fail.
        let data = (try? encoder.encode(value)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A JSON string literal of `text` (for finding it in a report).
    static func literal(_ text: String) -> String? {
        (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder.decode(type, from: data)
    }
}
