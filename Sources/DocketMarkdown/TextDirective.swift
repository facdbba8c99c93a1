/// Text directives as micromark-extension-directive reads them: `:name`, then an optional
/// `[label]` and `{attributes}`. The name starts with an ASCII letter, goes on with letters,
/// digits, `-` and `_`, and does not end with `-` or `_`; the colon must not follow another
/// colon (`std::vector`) and must not be escaped.
enum TextDirective {
    /// `text` with each text directive replaced by its label (the content mdast's `toString`
    /// gives), attributes dropped.
    static func removed(from text: String) -> String {
        guard text.holdsByte(UInt8(ascii: ":")) else { return text }
        let chars = Array(text)
        var out = ""
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == ":", index + 1 < chars.count, isLetter(chars[index + 1]),
                index == 0 || (chars[index - 1] != ":" && chars[index - 1] != "\\")
            {
                var end = index + 1
                while end < chars.count,
                    isLetter(chars[end]) || isDigit(chars[end]) || chars[end] == "-" || chars[end] == "_"
                { end += 1 }
                // A name may not end with `-` or `_`: back off to the last letter or digit.
                while chars[end - 1] == "-" || chars[end - 1] == "_" { end -= 1 }
                // `:tada:` is an emoji shortcode, shown (and slugged) as such.
                if end < chars.count, chars[end] == ":",
                    EmojiShortcodes.emoji(named: String(chars[(index + 1)..<end])) != nil
                {
                    out += String(chars[index...end])
                    index = end + 1
                    continue
                }
                var label = ""
                if end < chars.count, chars[end] == "[", let close = closing(chars, from: end, open: "[", close: "]") {
                    label = String(chars[(end + 1)..<close])
                    end = close + 1
                }
                if end < chars.count, chars[end] == "{", let close = closing(chars, from: end, open: "{", close: "}") {
                    end = close + 1
                }
                out += label
                index = end
                continue
            }
            out.append(char)
            index += 1
        }
        return out
    }

    private static func isLetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// The index of the bracket closing the one at `start` (nesting counted), on the same text.
    private static func closing(_ chars: [Character], from start: Int, open: Character, close: Character) -> Int? {
        var depth = 0
        for index in start..<chars.count {
            if chars[index] == open { depth += 1 }
            if chars[index] == close {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }
}
