/// INI, `.env`, Java properties: `[section]` headings, `;`/`#` comment lines, keys before `=` or
/// `:` as properties, and the value (to the end of the line) as a string, with `$VAR`/`${VAR}`
/// references and quoted parts; `export` before a dotenv key is a keyword.
extension Grammar {
    private static let exportWord = Array("export ".utf8)

    static let ini: Grammar = {
        let root = 0, value = 1
        let reference: [Rule] = [
            Rule(
                .delimited(open: Array("${".utf8), close: Array("}".utf8), escape: false, multiline: false), .variable),
            Rule(
                .custom(
                    ByteSet("$"),
                    { input, pos in
                        let end = input.skip(
                            ByteSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"), from: pos + 1)
                        return end > pos + 1 ? end - pos : 0
                    }), .variable),
        ]
        return Grammar(
            identifier: ByteSet.identifier.union(ByteSet("-.")),
            states: [
                LexState(
                    .plain,
                    [
                        Rule(
                            .afterIndent(.custom(ByteSet("#;!"), { input, pos in input.lineEnd(from: pos) - pos })),
                            .comment),
                        Rule(.afterIndent(.bracketedHeading), .heading),
                        Rule(
                            .afterIndent(
                                .custom(
                                    ByteSet("e"),
                                    { input, pos in
                                        input.hasPrefix(exportWord, at: pos) ? 6 : 0
                                    })), .keyword),
                        Rule(
                            .custom(
                                ByteSet.all,
                                { input, pos in
                                    let previous = input.previousOnLine(pos)
                                    if previous != 0x0A {
                                        // `export KEY=…`: only worth a look when the byte before is export's `t`.
                                        guard previous == UInt8(ascii: "t") else { return 0 }
                                        let lineStart = input.skip(.spaces, from: input.lineStart(of: pos))
                                        guard input.hasPrefix(exportWord, at: lineStart),
                                            input.skip(.spaces, from: lineStart + 7) == pos
                                        else { return 0 }
                                    }
                                    let first = input[pos]
                                    guard !ByteSet(" \t\r\n=:#;[").contains(first) else { return 0 }
                                    var end = pos
                                    while end < input.end, !ByteSet("=:\n").contains(input.bytes[end]) { end += 1 }
                                    guard end < input.end, input.bytes[end] != 0x0A else { return 0 }
                                    var keyEnd = end
                                    while keyEnd > pos,
                                        input.bytes[keyEnd - 1] == 0x20 || input.bytes[keyEnd - 1] == 0x09
                                    { keyEnd -= 1 }
                                    return keyEnd - pos
                                }), .property),
                        Rule(.run(ByteSet("=:")), .operator, .push(value)),
                        Rule(.identifier, .plain),
                        Rule(.run(.whitespace), .plain),
                    ]),
                LexState(
                    .string,
                    [
                        Rule(.lit("\n"), .plain, .pop),
                        Rule(.quoted("\""), .string),
                        Rule(.quoted("'", escape: false), .string),
                        Rule(
                            .custom(
                                ByteSet("#;"),
                                { input, pos in
                                    // An inline comment needs a space before it: `a=b#c` keeps its `#`.
                                    ByteSet(" \t").contains(input.bytes[pos - 1]) ? input.lineEnd(from: pos) - pos : 0
                                }), .comment),
                        Rule(.run(.spaces), .plain),
                    ] + reference),
            ])
    }()
}
