/// nginx: the directive starting each statement as a keyword, `$variables`, strings, numbers
/// and sizes (`10m`, `127.0.0.1:8080`), `on`/`off`, location modifiers, comments.
extension Grammar {
    static let nginx = Grammar(
        identifier: ByteSet.identifier.union(ByteSet(".:-/")),
        states: [
            LexState(
                .plain,
                [
                    Rule(.custom(ByteSet("#"), { input, pos in input.lineEnd(from: pos) - pos }), .comment),
                    Rule(
                        .delimited(open: Array("${".utf8), close: Array("}".utf8), escape: false, multiline: false),
                        .variable),
                    Rule(
                        .custom(
                            ByteSet("$"),
                            { input, pos in
                                let end = input.skip(.identifier, from: pos + 1)
                                return end > pos + 1 ? end - pos : 0
                            }), .variable),
                    Rule(.quoted("\""), .string),
                    Rule(.quoted("'"), .string),
                    Rule(
                        .custom(
                            .identifierStart,
                            { input, pos in
                                let previous = input.previousOnLine(pos)
                                guard
                                    previous == 0x0A || previous == UInt8(ascii: ";") || previous == UInt8(ascii: "{")
                                        || previous == UInt8(ascii: "}")
                                else { return 0 }
                                guard pos == input.start || !ByteSet.identifier.contains(input.bytes[pos - 1]) else {
                                    return 0
                                }
                                return input.skip(.identifier, from: pos) - pos
                            }), .keyword),
                    Rule(.words(WordSet("on off")), .constant),
                    Rule(.number, .number),
                    Rule(.run(ByteSet("~=^*")), .operator),
                    Rule(.run(ByteSet("{};")), .punctuation),
                    Rule(.identifier, .plain),
                    Rule(.run(.whitespace), .plain),
                ])
        ])
}
