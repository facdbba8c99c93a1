/// The `id` attributes of the elements in a page's raw HTML and JSX (`<a id="x">`,
/// `<div id='y'>`): each is a target of `#x` links, as a heading id is. Docusaurus counts the
/// `id` of its `<Link>`/`<a>` elements for its broken-anchor check; docket counts every element
/// with an id, since each is in the page's HTML.
public enum HTMLAnchorIDs {
    /// The ids of the elements of one piece of raw HTML.
    public static func ids(in html: String) -> [String] {
        guard html.holdsBytes("id") else { return [] }
        let bytes = Array(html.utf8)
        var found: [String] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
                index += 1; continue
            }
            // Inside one tag: skip the name, then read attributes up to `>`.
            index += 1
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
                let nameStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                    bytes[index] != UInt8(ascii: ">")
                { index += 1 }
                let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                    if index == nameStart { index += 1 }
                    continue
                }
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { break }
                var value: String
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let start = index + 1
                    index = start
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
                    index += 1
                } else if bytes[index] == UInt8(ascii: "{") {
                    // A JSX expression: only a string literal is a known id.
                    let start = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: "}") { index += 1 }
                    let inner = String(decoding: bytes[(start + 1)..<min(index, bytes.count)], as: UTF8.self)
                    value = ""
                    if case .string(let text)? = MDXLiteral.parse(inner) { value = text }
                    index += 1
                } else {
                    let start = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[start..<index], as: UTF8.self)
                }
                if name == "id", !value.isEmpty { found.append(value) }
            }
        }
        return found
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
