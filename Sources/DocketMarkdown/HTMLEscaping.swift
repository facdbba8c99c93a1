extension String {
    /// Text escaped for HTML element content and double-quoted attribute values.
    public var htmlEscaped: String {
        var needs = false
        for byte in utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 {
            needs = true
            break
        }
        guard needs else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for ch in unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
