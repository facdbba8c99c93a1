/// A scalar's text and whether it was written plain (unquoted), which decides its implicit type.
public struct YAMLScalar: Sendable, Equatable {
    public var text: String
    /// False for quoted and block scalars, which are always strings.
    public var isPlain: Bool
    /// An explicit tag such as `!!str`, when the author wrote one.
    public var tag: String?

    public init(text: String, isPlain: Bool, tag: String? = nil) {
        self.text = text
        self.isPlain = isPlain
        self.tag = tag
    }

    public var isNull: Bool {
        if tag == "tag:yaml.org,2002:null" { return true }
        guard isPlain, tag == nil else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    public var bool: Bool? {
        guard isPlain, tag == nil || tag == "tag:yaml.org,2002:bool" else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    public var number: Double? {
        guard isPlain, tag == nil || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" else {
            return nil
        }
        let t = text
        guard let first = t.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
        if t.hasPrefix("0x") || t.hasPrefix("0o") {
            return Int(t.dropFirst(2), radix: t.hasPrefix("0x") ? 16 : 8).map(Double.init)
        }
        return Double(t)
    }
}
