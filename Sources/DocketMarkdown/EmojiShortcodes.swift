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
    /// times like `10:30:00`, stays as it is.
    public static func replace(in text: String) -> String {
        guard text.contains(":") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: ":") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            let name = rest[afterOpen...].prefix { isNameCharacter($0) }
            let close = name.endIndex
            if !name.isEmpty, close < rest.endIndex, rest[close] == ":", let emoji = byName[name] {
                out += emoji
                rest = rest[rest.index(after: close)...]
            } else {
                // The closing colon of a failed match may open the next shortcode (`a:b:smile:`).
                out += ":"
                rest = rest[afterOpen...]
            }
        }
        out += rest
        return out
    }

    private static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLowercase || c.isNumber || c == "_" || c == "+" || c == "-")
    }
}
