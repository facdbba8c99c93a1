/// HTML, XML, SVG: comments, CDATA, doctype and processing instructions, tag names, attribute
/// names and values, entities; text between tags stays plain.
extension Grammar {
    static let markup: Grammar = {
        let tagName = 1, attributes = 2
        let nameBytes = ByteSet.identifier.union(ByteSet("-:."))
        return Grammar(
            identifier: nameBytes,
            states: [
                LexState(
                    .plain,
                    [
                        Rule(
                            .delimited(
                                open: Array("<!--".utf8), close: Array("-->".utf8), escape: false, multiline: true),
                            .comment),
                        Rule(
                            .delimited(
                                open: Array("<![CDATA[".utf8), close: Array("]]>".utf8), escape: false, multiline: true),
                            .string),
                        Rule(
                            .delimited(open: Array("<!".utf8), close: Array(">".utf8), escape: false, multiline: true),
                            .meta),
                        Rule(
                            .delimited(open: Array("<?".utf8), close: Array("?>".utf8), escape: false, multiline: true),
                            .meta),
                        Rule(
                            .custom(
                                ByteSet("<"),
                                { input, pos in
                                    let slash = input[pos + 1] == UInt8(ascii: "/") ? 1 : 0
                                    return ByteSet.identifierStart.contains(input[pos + 1 + slash]) ? 1 + slash : 0
                                }), .punctuation, .push(tagName)),
                        Rule(
                            .custom(
                                ByteSet("&"),
                                { input, pos in
                                    let end = input.skip(ByteSet.identifier.union(ByteSet("#")), from: pos + 1)
                                    return end > pos + 1 && input[end] == UInt8(ascii: ";") ? end + 1 - pos : 0
                                }), .constant),
                        Rule(.run(.except("<&")), .plain),
                    ]),
                LexState(
                    .plain,
                    [
                        Rule(.run(nameBytes), .tag, .switchTo(attributes)),
                        Rule(.lit(">"), .punctuation, .pop),
                    ]),
                LexState(
                    .plain,
                    [
                        Rule(.lit("/>"), .punctuation, .pop),
                        Rule(.lit(">"), .punctuation, .pop),
                        Rule(.quoted("\"", escape: false, multiline: true), .string),
                        Rule(.quoted("'", escape: false, multiline: true), .string),
                        Rule(.lit("="), .operator),
                        Rule(
                            .custom(
                                ByteSet.except(" \t\r\n>\"'="),
                                { input, pos in
                                    // An unquoted value: `target=_blank`.
                                    guard input[pos - 1] == UInt8(ascii: "=") else { return 0 }
                                    return input.skip(.except(" \t\r\n>"), from: pos) - pos
                                }), .string),
                        Rule(.run(nameBytes.union(ByteSet("@*#[]()"))), .attribute),
                        Rule(.run(.whitespace), .plain),
                    ]),
            ])
    }()
}
