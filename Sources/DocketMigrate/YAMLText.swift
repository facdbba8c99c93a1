/// Writes `YAMLValue`s as block YAML; a small mapping of scalars (a navbar link) goes on one
/// line in flow style, as the docs show it.
enum YAMLText {
    static func document(_ pairs: [(String, YAMLValue)]) -> String {
        var out = ""
        for (key, value) in pairs { write(key: key, value, indent: 0, into: &out) }
        return out
    }

    private static func pad(_ n: Int) -> String { String(repeating: " ", count: n) }

    private static func write(key: String, _ value: YAMLValue, indent: Int, into out: inout String) {
        switch value {
        case .list(let items) where !items.isEmpty:
            out += pad(indent) + scalar(key) + ":\n"
            for item in items { writeItem(item, indent: indent + 2, into: &out) }
        case .map(let pairs) where !pairs.isEmpty:
            out += pad(indent) + scalar(key) + ":\n"
            for (k, v) in pairs { write(key: k, v, indent: indent + 2, into: &out) }
        default:
            out += pad(indent) + scalar(key) + ": " + inline(value) + "\n"
        }
    }

    private static func writeItem(_ value: YAMLValue, indent: Int, into out: inout String) {
        switch value {
        case .map(let pairs) where !pairs.isEmpty && !isFlow(value):
            var first = true
            for (k, v) in pairs {
                var line = ""
                write(key: k, v, indent: indent + 2, into: &line)
                if first {
                    line = pad(indent) + "- " + line.dropFirst(indent + 2)
                    first = false
                }
                out += line
            }
        case .list(let items) where !items.isEmpty:
            out += pad(indent) + "-\n"
            for item in items { writeItem(item, indent: indent + 2, into: &out) }
        default:
            out += pad(indent) + "- " + inline(value) + "\n"
        }
    }

    /// Up to three scalar values: short enough to read on one line.
    private static func isFlow(_ value: YAMLValue) -> Bool {
        guard case .map(let pairs) = value else { return false }
        return pairs.count <= 3 && pairs.allSatisfy { $0.1.isScalar }
    }

    private static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .null: return "null"
        case .string(let s): return scalar(s)
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .list(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .map(let pairs):
            return pairs.isEmpty
                ? "{}" : "{ " + pairs.map { scalar($0.0) + ": " + inline($0.1) }.joined(separator: ", ") + " }"
        }
    }

    /// Plain when YAML reads it back as the same string, double-quoted otherwise.
    static func scalar(_ s: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let special = ":#{}[],&*!|>'\"%@`"
        let plain =
            !s.isEmpty
            && !reserved.contains(s.lowercased())
            && s.first.map({ !special.contains($0) && $0 != " " && $0 != "-" && $0 != "?" }) == true
            && s.last != " " && s.last != ":"
            && !s.contains(": ") && !s.contains(" #") && !s.contains(",") && !s.contains("{") && !s.contains("}")
            && !s.contains("[") && !s.contains("]")
            && s.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
            && Double(s) == nil && !s.hasPrefix("0x") && !s.hasPrefix(".")
        if plain { return s }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
