/// A JavaScript literal value: what docket evaluates of an MDX expression. Strings, template
/// literals without `${…}`, numbers, booleans, `null`, and arrays and objects of them; anything
/// else (a name, a call, an operator) is not a literal and `parse` returns nil.
public indirect enum MDXLiteral: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([MDXLiteral])
    case object([(key: String, value: MDXLiteral)])

    public static func == (lhs: MDXLiteral, rhs: MDXLiteral) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The value of `source` (the text between an expression's braces), or nil when it is not a
    /// literal. Comments count as white space.
    public static func parse(_ source: String) -> MDXLiteral? {
        var reader = Reader(bytes: Array(source.utf8))
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        return reader.atEnd ? value : nil
    }

    /// True when `source` holds only comments and white space (`{/* note */}`).
    public static func isComment(_ source: String) -> Bool {
        var reader = Reader(bytes: Array(source.utf8))
        reader.skipSpace()
        return reader.atEnd && !reader.failed
    }

    /// The object's value for `key`.
    public subscript(key: String) -> MDXLiteral? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.last { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var failed = false

        var atEnd: Bool { index >= bytes.count }

        /// Skips white space and comments; an unclosed `/*` marks the reader failed.
        mutating func skipSpace() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    index += 1
                } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                    var end = index + 2
                    while end + 1 < bytes.count,
                        !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/"))
                    { end += 1 }
                    if end + 1 >= bytes.count { failed = true; index = bytes.count; return }
                    index = end + 2
                } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                } else {
                    return
                }
            }
        }

        mutating func value(depth: Int) -> MDXLiteral? {
            // Deeply nested literals are not something a page needs; refusing them keeps the
            // recursion bounded.
            guard depth < 64 else { return nil }
            skipSpace()
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
                return string(quote: byte).map(MDXLiteral.string)
            case UInt8(ascii: "["):
                index += 1
                var items: [MDXLiteral] = []
                while true {
                    skipSpace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                    return nil
                }
            case UInt8(ascii: "{"):
                index += 1
                var pairs: [(key: String, value: MDXLiteral)] = []
                while true {
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(pairs) }
                    let key: String
                    if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        guard let quoted = string(quote: bytes[index]) else { return nil }
                        key = quoted
                    } else {
                        let start = index
                        while index < bytes.count, Self.isIdentifier(bytes[index]) { index += 1 }
                        guard index > start else { return nil }
                        key = String(decoding: bytes[start..<index], as: UTF8.self)
                    }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let item = value(depth: depth + 1) else { return nil }
                    pairs.append((key, item))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(pairs) }
                    return nil
                }
            default:
                let start = index
                while index < bytes.count,
                    Self.isIdentifier(bytes[index]) || bytes[index] == UInt8(ascii: ".")
                        || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")
                { index += 1 }
                let word = String(decoding: bytes[start..<index], as: UTF8.self)
                switch word {
                case "true": return .bool(true)
                case "false": return .bool(false)
                case "null": return .null
                default:
                    if let number = Double(word) { return .number(number) }
                    return nil
                }
            }
        }

        /// A quoted string or a template literal without substitutions, with JS escapes.
        mutating func string(quote: UInt8) -> String? {
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == quote { index += 1; return String(decoding: out, as: UTF8.self) }
                if byte == 0x0A && quote != UInt8(ascii: "`") { return nil }
                if quote == UInt8(ascii: "`"), byte == UInt8(ascii: "$"), index + 1 < bytes.count,
                    bytes[index + 1] == UInt8(ascii: "{")
                {
                    return nil
                }
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    let next = bytes[index + 1]
                    index += 2
                    switch next {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case 0x0A: break
                    default: out.append(next)
                    }
                    continue
                }
                out.append(byte)
                index += 1
            }
            return nil
        }

        static func isIdentifier(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "$")
        }
    }
}
