/// `:white_check_mark:` → ✅, as Docusaurus's `markdown.emoji` (remark-emoji) does. Applied to text
/// only: the renderer never calls it for code, URLs or raw HTML.
public enum EmojiShortcodes {
    /// The table, parsed once on first use.
    static let byName: [Substring: String] = {
        var table: [Substring: String] = [:]
        for line in EmojiTable.text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            table[line[..<space]] = String(line[line.index(after: space)...])
        }
        return table
    }()

    /// The emoji for a name without colons (`warning`), or nil.
    public static func emoji(named name: String) -> String? { byName[Substring(name)] }

    /// Replaces every `:name:` the table knows; anything else, including unknown names and
    /// times like `10:30:00`, stays as it is. Works on the UTF-8 bytes (a name is ASCII), and
    /// copies the text between shortcodes in runs.
    public static func replace(in text: String) -> String {
        let bytes = text.utf8
        guard var colon = bytes.firstIndex(of: colonByte) else { return text }
        var out = ""
        var copied = bytes.startIndex
        while true {
            let nameStart = bytes.index(after: colon)
            var nameEnd = nameStart
            while nameEnd < bytes.endIndex, isNameByte(bytes[nameEnd]) { nameEnd = bytes.index(after: nameEnd) }
            var next = nameStart
            if nameEnd > nameStart, nameEnd < bytes.endIndex, bytes[nameEnd] == colonByte,
                let emoji = byName[text[nameStart..<nameEnd]]
            {
                out += text[copied..<colon]
                out += emoji
                copied = bytes.index(after: nameEnd)
                next = copied
            }
            // Otherwise the closing colon of a failed match may open the next shortcode (`a:b:smile:`).
            guard let found = bytes[next...].firstIndex(of: colonByte) else { break }
            colon = found
        }
        out += text[copied...]
        return out
    }

    private static let colonByte = UInt8(ascii: ":")

    /// `a`-`z`, `0`-`9`, `_`, `+`, `-`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2B
            || byte == 0x2D
    }
}
