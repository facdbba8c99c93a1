/// Caddyfile: site addresses (top level) as tags, directives (first word of a line in a block)
/// as keywords, named matchers as meta, `{placeholders}` as variables, strings, numbers and
/// durations, comments.
extension Grammar {
    static let caddyfile: Grammar = {
        let block = 1
        let word = ByteSet.except(" \t\r\n{}\"`#")
        let comment = Rule(
            .custom(
                ByteSet("#"),
                { input, pos in
                    guard pos == input.start || ByteSet.whitespace.contains(input.bytes[pos - 1]) else { return 0 }
                    return input.lineEnd(from: pos) - pos
                }), .comment)
        let placeholder = Rule(
            .custom(
                ByteSet("{"),
                { input, pos in
                    var cursor = pos + 1
                    guard !ByteSet.whitespace.contains(input[cursor]), input[cursor] != 0 else { return 0 }
                    while cursor < input.end, !ByteSet.whitespace.union(ByteSet("{")).contains(input.bytes[cursor]) {
                        if input.bytes[cursor] == UInt8(ascii: "}") { return cursor + 1 - pos }
                        cursor += 1
                    }
                    return 0
                }), .variable)
        return Grammar(
            identifier: ByteSet.identifier.union(ByteSet("-.:/*")),
            states: [
                LexState(
                    .plain,
                    [
                        comment,
                        placeholder,
                        Rule(.lit("{"), .punctuation, .push(block)),
                        Rule(.lit("}"), .punctuation),
                        Rule(.run(word), .tag),
                        Rule(.run(.whitespace), .plain),
                    ]),
                LexState(
                    .plain,
                    [
                        comment,
                        placeholder,
                        Rule(.lit("{"), .punctuation, .push(block)),
                        Rule(.lit("}"), .punctuation, .pop),
                        Rule(.quoted("\"", multiline: true), .string),
                        Rule(.quoted("`", escape: false, multiline: true), .string),
                        Rule(
                            .custom(
                                ByteSet("@"),
                                { input, pos in
                                    guard pos == input.start || ByteSet.whitespace.contains(input.bytes[pos - 1]) else {
                                        return 0
                                    }
                                    return input.skip(word, from: pos + 1) - pos
                                }), .meta),
                        Rule(.afterIndent(.run(word)), .keyword),
                        Rule(.number, .number),
                        Rule(.identifier, .plain),
                        Rule(.run(.whitespace), .plain),
                    ]),
            ])
    }()
}
