import Foundation

/// Reads JSX tags and `{…}` expressions from the bytes of a page body. Tags may span lines
/// (`<ProjectsTable data={[ … ]}/>`); expressions skip strings, template literals and comments
/// when they look for their closing brace.
struct MDXTagParser {
    /// An opening or self-closing tag.
    struct OpenTag {
        var name: String
        /// Attributes with the byte offset of each name.
        var attributes: [(name: String, value: MDXAttribute.Value, offset: Int)]
        var isSelfClosing: Bool
        /// The offset just past the `>`.
        var end: Int
    }

    /// The longest tag read (attributes included): a page with an unclosed `<Tabs` of 5 MB must
    /// not be rescanned from every line.
    static let maxTagBytes = 64 * 1024

    let bytes: [UInt8]

    /// The tag starting with the `<` at `start`, or nil when the text there is not a tag.
    func openTag(at start: Int) -> OpenTag? {
        let limit = min(bytes.count, start + Self.maxTagBytes)
        var index = start + 1
        guard index < limit, Self.isNameStart(bytes[index]) else { return nil }
        let nameStart = index
        while index < limit, Self.isNameByte(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        var attributes: [(name: String, value: MDXAttribute.Value, offset: Int)] = []
        while true {
            let before = index
            index = skipSpace(from: index, limit: limit)
            guard index < limit else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                return OpenTag(name: name, attributes: attributes, isSelfClosing: false, end: index + 1)
            }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < limit, bytes[index + 1] == UInt8(ascii: ">") else { return nil }
                return OpenTag(name: name, attributes: attributes, isSelfClosing: true, end: index + 2)
            }
            // Attributes are separated from the name and from each other by white space.
            guard index > before else { return nil }
            if byte == UInt8(ascii: "{") {
                // `{...props}`: a spread, kept as an expression attribute named "...".
                guard let end = expressionEnd(from: index, limit: limit) else { return nil }
                attributes.append(("...", .expression(text(index + 1, end - 1)), index))
                index = end
                continue
            }
            guard Self.isNameStart(byte) else { return nil }
            let attributeStart = index
            while index < limit, Self.isNameByte(bytes[index]) { index += 1 }
            let attributeName = text(attributeStart, index)
            let afterName = skipSpace(from: index, limit: limit)
            guard afterName < limit, bytes[afterName] == UInt8(ascii: "=") else {
                attributes.append((attributeName, .present, attributeStart))
                continue
            }
            index = skipSpace(from: afterName + 1, limit: limit)
            guard index < limit else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                var end = index + 1
                while end < limit, bytes[end] != quote { end += 1 }
                guard end < limit else { return nil }
                attributes.append((attributeName, .string(Self.decodeEntities(text(index + 1, end))), attributeStart))
                index = end + 1
            } else if quote == UInt8(ascii: "{") {
                guard let end = expressionEnd(from: index, limit: limit) else { return nil }
                attributes.append((attributeName, .expression(text(index + 1, end - 1)), attributeStart))
                index = end
            } else {
                // HTML's unquoted value (`<td colspan=2>`): up to white space or `>`.
                let valueStart = index
                while index < limit, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                guard index > valueStart else { return nil }
                attributes.append((attributeName, .string(text(valueStart, index)), attributeStart))
            }
        }
    }

    /// The closing tag `</name>` starting at `start`: its name and the offset past `>`.
    func closeTag(at start: Int) -> (name: String, end: Int)? {
        var index = start + 2
        guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "/"), index < bytes.count,
            Self.isNameStart(bytes[index])
        else { return nil }
        let nameStart = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        let name = text(nameStart, index)
        index = skipSpace(from: index, limit: min(bytes.count, index + 256))
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return nil }
        return (name, index + 1)
    }

    /// The offset just past the `}` matching the `{` at `start`, or nil when it does not close
    /// before `limit`.
    func expressionEnd(from start: Int, limit: Int) -> Int? {
        var depth = 0
        var index = start
        // Template literals nest: `${` opens a brace level that belongs to the literal.
        var templateDepths: [Int] = []
        while index < limit {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return index + 1 }
                if let last = templateDepths.last, last == depth {
                    templateDepths.removeLast()
                    guard
                        let end = templateEnd(
                            from: index + 1, limit: limit, templateDepths: &templateDepths, depth: &depth)
                    else { return nil }
                    index = end
                    continue
                }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                var end = index + 1
                while end < limit, bytes[end] != byte, bytes[end] != 0x0A {
                    if bytes[end] == UInt8(ascii: "\\") { end += 1 }
                    end += 1
                }
                guard end < limit, bytes[end] == byte else { return nil }
                index = end
            case UInt8(ascii: "`"):
                guard
                    let end = templateEnd(from: index + 1, limit: limit, templateDepths: &templateDepths, depth: &depth)
                else { return nil }
                index = end
                continue
            case UInt8(ascii: "/") where index + 1 < limit && bytes[index + 1] == UInt8(ascii: "*"):
                var end = index + 2
                while end + 1 < limit, !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/")) {
                    end += 1
                }
                guard end + 1 < limit else { return nil }
                index = end + 1
            case UInt8(ascii: "/") where index + 1 < limit && bytes[index + 1] == UInt8(ascii: "/"):
                while index < limit, bytes[index] != 0x0A { index += 1 }
                continue
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// Skips a template literal's text from `start` (just past the backquote or a `}`): returns
    /// the offset past its closing backquote, or past a `${` (then the literal continues at the
    /// matching `}`).
    private func templateEnd(from start: Int, limit: Int, templateDepths: inout [Int], depth: inout Int) -> Int? {
        var index = start
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == UInt8(ascii: "`") { return index + 1 }
            if byte == UInt8(ascii: "$"), index + 1 < limit, bytes[index + 1] == UInt8(ascii: "{") {
                templateDepths.append(depth)
                depth += 1
                return index + 2
            }
            index += 1
        }
        return nil
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func skipSpace(from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit, Self.isSpace(bytes[index]) { index += 1 }
        return index
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    /// The few entities an attribute string holds in practice; JSX strings take them literally
    /// otherwise.
    static func decodeEntities(_ text: String) -> String {
        guard text.holdsByte(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
