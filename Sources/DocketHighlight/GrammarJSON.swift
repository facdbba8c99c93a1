/// JSON (and JSONC): a string followed by `:` is a key (property), other strings are strings;
/// numbers, `true`/`false`/`null`, punctuation; `//` and `/* */` comments for JSONC.
extension Grammar {
    static let json = Grammar(states: [
        LexState(
            .plain,
            [
                Rule(
                    .custom(
                        ByteSet("\""),
                        { input, pos in
                            let length = quotedLength(input, pos)
                            return input.nextNonSpace(pos + length) == UInt8(ascii: ":") ? length : 0
                        }), .property),
                Rule(.quoted("\""), .string),
                Rule(
                    .custom(
                        ByteSet("-"),
                        { input, pos in
                            ByteSet.digits.contains(input[pos + 1]) ? 1 : 0
                        }), .number),
                Rule(.number, .number),
                Rule(.words(WordSet("true false null")), .constant),
                Rule(.toLineEnd(Array("//".utf8)), .comment),
                Rule(
                    .delimited(open: Array("/*".utf8), close: Array("*/".utf8), escape: false, multiline: true),
                    .comment),
                Rule(.run(ByteSet("{}[],:")), .punctuation),
                Rule(.identifier, .plain),
                Rule(.run(.whitespace), .plain),
            ])
    ])

    /// The length of a one-line `"…"` string at `pos`, backslash escapes included.
    static func quotedLength(_ input: Input, _ pos: Int) -> Int {
        var cursor = pos + 1
        while cursor < input.end {
            let byte = input.bytes[cursor]
            if byte == UInt8(ascii: "\\") { cursor += 2; continue }
            if byte == UInt8(ascii: "\"") { return cursor + 1 - pos }
            if byte == 0x0A { break }
            cursor += 1
        }
        return min(cursor, input.end) - pos
    }
}
