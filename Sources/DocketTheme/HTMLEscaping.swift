import Mustache

/// The escaping of `{{…}}` values in every template: the same five characters, replaced the
/// same way, as swift-mustache's own HTML content type, which looks each character of every
/// value up in a dictionary (2.8% of a build's CPU time). Most values hold none of them and
/// are returned as they are, after one pass over their bytes.
struct HTMLEscaping: MustacheContentType {
    /// The name templates select it by (`Theme` adds the pragma to each template).
    static let name = "DOCKET_HTML"

    /// Registers the content type once, before the first template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        // Checked on the contiguous bytes (every value a page shows passes here; most hold none).
        var bytes = text
        let needsEscaping = bytes.withUTF8 { bytes in
            bytes.contains {
                $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&")
                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
            }
        }
        guard needsEscaping else { return text }
        // By Character, as swift-mustache does: a `<` that a combining mark joins is another
        // character and stays as it is.
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
