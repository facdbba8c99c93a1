import Foundation

/// The one JSON encoder configuration of the generated files: keys sorted (stable output, stable
/// hashes for `serve`), slashes left as they are (URLs stay readable), compact unless `pretty`.
/// Encodable structs instead of `JSONSerialization` of untyped dictionaries: no boxing and
/// casting of every value, and the shape of each file is written down as a type.
public enum JSONText {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
