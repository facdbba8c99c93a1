/// A piece of a file or manual step as the page shows it: literal text, or the place where a
/// parameter's example stood. The split is made once, on the page text, when the runbook is
/// extracted; the script then joins the pieces with the values, so a value is never searched
/// for another parameter's example (an e-mail `admin@app.example.com` stays as typed).
public enum TemplatePart: Sendable, Equatable {
    case text(String)
    case parameter(String)

    /// Splits `body` at every occurrence of a parameter's example, scanning left to right and
    /// preferring the longest example that starts at a position.
    static func split(_ body: String, parameters: [RunbookParameter]) -> [TemplatePart] {
        let examples = parameters.compactMap { p in p.example.flatMap { $0.isEmpty ? nil : (Array($0.utf8), p.name) } }
            .sorted { $0.0.count > $1.0.count }
        let bytes = Array(body.utf8)
        var parts: [TemplatePart] = []
        var literal: [UInt8] = []
        var i = 0
        scan: while i < bytes.count {
            for (needle, name) in examples
            where i + needle.count <= bytes.count && bytes[i] == needle[0]
                && bytes[i..<(i + needle.count)].elementsEqual(needle)
            {
                if !literal.isEmpty { parts.append(.text(String(decoding: literal, as: UTF8.self))); literal = [] }
                parts.append(.parameter(name))
                i += needle.count
                continue scan
            }
            literal.append(bytes[i])
            i += 1
        }
        if !literal.isEmpty { parts.append(.text(String(decoding: literal, as: UTF8.self))) }
        return parts
    }
}
