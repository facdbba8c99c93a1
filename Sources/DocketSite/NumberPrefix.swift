/// Docusaurus's number prefixes: `01-intro` → `intro` at position 1, except names that look like
/// dates or versions (`2021-01-31-release`, `8.0 - Doc`, `01-2fa`), which are kept whole.
public struct NumberPrefix: Equatable, Sendable {
    public var name: String
    public var position: Int?

    /// Splits `name` (a file name without extension, or a folder name).
    public init(parsing name: String) {
        self.name = name
        position = nil
        // Most names have no prefix: a first byte that is no digit settles it without making
        // an array of the name's scalars (every page and folder name of a site is asked).
        guard let first = name.utf8.first, first &- UInt8(ascii: "0") < 10 else { return }
        let chars = Array(name.unicodeScalars)
        var i = 0
        while i < chars.count, Self.isDigit(chars[i]) { i += 1 }
        guard i > 0 else { return }
        let digits = i
        // Ignored: /^\d+[-_.]\d+/ — a date or a version.
        if i < chars.count, Self.isSeparator(chars[i]), i + 1 < chars.count, Self.isDigit(chars[i + 1]) { return }
        // Prefix: /^(\d+)\s*[-_.]+\s*([^-_.\s].*)$/
        var j = i
        while j < chars.count, Self.isSpace(chars[j]) { j += 1 }
        let separatorStart = j
        while j < chars.count, Self.isSeparator(chars[j]) { j += 1 }
        guard j > separatorStart else { return }
        while j < chars.count, Self.isSpace(chars[j]) { j += 1 }
        guard j < chars.count, !Self.isSeparator(chars[j]), !Self.isSpace(chars[j]) else { return }
        var suffix = String.UnicodeScalarView()
        suffix.append(contentsOf: chars[j...])
        self.name = String(suffix)
        position = Int(String(String.UnicodeScalarView(chars[..<digits])))
    }

    /// Strips the prefix of every segment of a `/`-separated path.
    public static func strippingSegments(of path: String) -> String {
        // Split on the `/` byte (a file system's separator), not on Characters.
        URLPath.segments(of: path)
            .map { NumberPrefix(parsing: String($0)).name }
            .joined(separator: "/")
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    private static func isSeparator(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "_" || c == "." }
    private static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }
}
