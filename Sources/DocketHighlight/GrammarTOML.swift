/// TOML: `[table]` and `[[array]]` headers as headings, keys (bare, dotted, quoted) before `=`
/// as properties, the four string forms (the triple-quoted ones span lines), numbers and
/// dates, booleans, comments.
extension Grammar {
    static let toml = Grammar(
        identifier: ByteSet.identifier.union(ByteSet("-")),
        states: [
            LexState(
                .plain,
                [
                    Rule(.custom(ByteSet("#"), { input, pos in input.lineEnd(from: pos) - pos }), .comment),
                    Rule(.afterIndent(.bracketedHeading), .heading),
                    Rule(
                        .afterIndent(.custom(ByteSet.identifierStart.union(ByteSet("\"'0123456789-")), settingKey)),
                        .property),
                    Rule(
                        .custom(
                            ByteSet.identifierStart.union(ByteSet("\"'0123456789-")),
                            { input, pos in
                                // Keys of an inline table: `{ name = "x", port = 80 }`.
                                let previous = input.previousOnLine(pos)
                                guard previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") else { return 0 }
                                return settingKey(input, pos)
                            }), .property),
                    Rule(.quoted("\"\"\"", multiline: true), .string),
                    Rule(.quoted("'''", escape: false, multiline: true), .string),
                    Rule(.quoted("\""), .string),
                    Rule(.quoted("'", escape: false), .string),
                    Rule(.words(WordSet("true false inf nan")), .constant),
                    Rule(
                        .custom(
                            ByteSet("0123456789+-"),
                            { input, pos in
                                guard pos == input.start || !ByteSet.identifier.contains(input.bytes[pos - 1]) else {
                                    return 0
                                }
                                // A digit first, or a sign before a digit, `inf` or `nan`: a run of dashes is
                                // rejected here instead of scanned.
                                let first = ByteSet("+-").contains(input[pos]) ? input[pos + 1] : input[pos]
                                guard
                                    ByteSet.digits.contains(first) || first == UInt8(ascii: "i")
                                        || first == UInt8(ascii: "n")
                                else { return 0 }
                                var end = pos
                                while end < input.end,
                                    ByteSet("0123456789_.+-:eExXoObBabcdefABCDEFTZ").contains(input.bytes[end])
                                { end += 1 }
                                // A date-time may have a space between date and time: `1979-05-27 07:32:00Z`.
                                if input[end] == 0x20, ByteSet.digits.contains(input[end + 1]),
                                    input[end + 3] == UInt8(ascii: ":")
                                {
                                    end += 1
                                    while end < input.end, ByteSet("0123456789.:+-Z").contains(input.bytes[end]) {
                                        end += 1
                                    }
                                }
                                return Grammar.isNumber(input, pos, end) ? end - pos : 0
                            }), .number),
                    Rule(.run(ByteSet("[]{},.=")), .punctuation),
                    Rule(.identifier, .plain),
                    Rule(.run(.whitespace), .plain),
                ])
        ])

    /// A key before `=` (`name`, `a.b`, `"quoted key"`), matched up to its end.
    static let settingKey: Matcher = { input, pos in
        var cursor = pos
        while cursor < input.end {
            let byte = input.bytes[cursor]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                var close = cursor + 1
                while close < input.end, input.bytes[close] != byte, input.bytes[close] != 0x0A { close += 1 }
                guard input[close] == byte else { return 0 }
                cursor = close + 1
            } else if ByteSet.identifier.union(ByteSet("-.")).contains(byte) {
                cursor += 1
            } else if byte == 0x20 || byte == 0x09 {
                let next = input.nextNonSpace(cursor)
                guard next == UInt8(ascii: "=") || next == UInt8(ascii: ".") else { return 0 }
                cursor = input.skip(.spaces, from: cursor)
                if next == UInt8(ascii: ".") { cursor = input.skip(.spaces, from: cursor + 1) }
            } else {
                break
            }
        }
        guard cursor > pos, input[cursor] == UInt8(ascii: "=") else { return 0 }
        var end = cursor
        while end > pos, input.bytes[end - 1] == 0x20 || input.bytes[end - 1] == 0x09 { end -= 1 }
        return end - pos
    }
}
