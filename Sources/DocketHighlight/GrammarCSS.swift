/// CSS: comments, at-rules, selectors (tags, `.classes`, `#ids`, `:pseudo`), declarations whose
/// property is a property and whose values hold numbers with units, `#colours`, strings,
/// functions (`var(…)`), `--custom-properties` and `!important`.
extension Grammar {
    static let css: Grammar = {
        let block = 1
        let name = ByteSet.identifier.union(ByteSet("-"))
        let comment = Rule(
            .delimited(open: Array("/*".utf8), close: Array("*/".utf8), escape: false, multiline: true), .comment)
        let strings = [Rule(.quoted("\"", multiline: true), .string), Rule(.quoted("'", multiline: true), .string)]
        let selectorRules: [Rule] = [
            Rule(.custom(ByteSet("@"), { input, pos in input.skip(name, from: pos + 1) - pos }), .keyword),
            Rule(
                .custom(
                    ByteSet(".#"),
                    { input, pos in
                        let end = input.skip(name, from: pos + 1)
                        return end > pos + 1 && !ByteSet.digits.contains(input[pos + 1]) ? end - pos : 0
                    }), .type),
            Rule(
                .custom(
                    ByteSet(":"),
                    { input, pos in
                        let start = input[pos + 1] == UInt8(ascii: ":") ? pos + 2 : pos + 1
                        let end = input.skip(name, from: start)
                        return end > start ? end - pos : 0
                    }), .attribute),
            Rule(.lit("{"), .punctuation, .push(block)),
            Rule(.lit("}"), .punctuation, .pop),
        ]
        return Grammar(
            identifier: name,
            states: [
                LexState(
                    .plain,
                    [comment] + strings + selectorRules + [
                        Rule(.run(ByteSet(">+~*,")), .operator),
                        Rule(.call, .function),
                        Rule(.run(ByteSet("();:")), .punctuation),
                        Rule(.identifier, .tag),
                        Rule(.run(.whitespace), .plain),
                    ]),
                LexState(
                    .plain,
                    [comment] + strings + [
                        Rule(.custom(name, declarationProperty), .property),
                        Rule(
                            .custom(
                                ByteSet("-"),
                                { input, pos in
                                    // A custom property used as a value: `var(--accent)`.
                                    guard input[pos + 1] == UInt8(ascii: "-") else { return 0 }
                                    return input.skip(name, from: pos + 2) - pos
                                }), .variable),
                        Rule(
                            .custom(
                                ByteSet("#"),
                                { input, pos in
                                    // A colour value; a `#id` selector in a nested rule is caught below.
                                    let end = input.skip(ByteSet("0123456789abcdefABCDEF"), from: pos + 1)
                                    let length = end - pos - 1
                                    return [3, 4, 6, 8].contains(length) && !name.contains(input[end]) ? end - pos : 0
                                }), .constant),
                        Rule(.lit("!important"), .keyword),
                        Rule(.call, .function),
                        Rule(.number, .number),
                        Rule(
                            .custom(
                                ByteSet("-+"),
                                { input, pos in
                                    ByteSet.digits.contains(input[pos + 1])
                                        || (input[pos + 1] == UInt8(ascii: ".")
                                            && ByteSet.digits.contains(input[pos + 2]))
                                        ? input.skip(
                                            ByteSet("0123456789.").union(ByteSet.identifier).union(ByteSet("%")),
                                            from: pos + 1) - pos : 0
                                }), .number),
                        Rule(.lit("%"), .number),
                        Rule(
                            .custom(
                                .identifierStart,
                                { input, pos in
                                    // A nested rule's selector: the statement reaches `{` before `;` or `}`.
                                    guard pos == input.start || !name.contains(input.bytes[pos - 1]) else { return 0 }
                                    var cursor = pos
                                    let limit = min(input.end, pos + lookAhead)
                                    while cursor < limit, !ByteSet(";{}").contains(input.bytes[cursor]) { cursor += 1 }
                                    return input[cursor] == UInt8(ascii: "{") ? input.skip(name, from: pos) - pos : 0
                                }), .tag),
                    ] + selectorRules + [
                        Rule(.run(ByteSet(";,():")), .punctuation),
                        Rule(.run(ByteSet(">+~*/=")), .operator),
                        Rule(.identifier, .plain),
                        Rule(.run(.whitespace), .plain),
                    ]),
            ])
    }()

    /// How far a selector or declaration is scanned for its `{` or `;`: a bound, so a huge
    /// block without either stays linear.
    private static let lookAhead = 2_000

    /// A property at the start of a declaration: a name, `:`, then a value that ends in `;` or
    /// `}` (a `{` first means a nested selector such as `a:hover {`).
    private static let declarationProperty: Matcher = { input, pos in
        let previous = input.previousSignificant(pos)
        guard
            previous == 0 || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ";")
                || previous == UInt8(ascii: "/")
        else { return 0 }
        let end = input.skip(ByteSet.identifier.union(ByteSet("-")), from: pos)
        guard end > pos, input.nextNonSpace(end) == UInt8(ascii: ":") else { return 0 }
        var cursor = end
        let limit = min(input.end, pos + lookAhead)
        while cursor < limit {
            let byte = input.bytes[cursor]
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "}") { break }
            if byte == UInt8(ascii: "{") { return 0 }
            cursor += 1
        }
        return end - pos
    }
}
