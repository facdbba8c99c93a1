/// The arguments of a Dockerfile instruction other than a shell-form `RUN`: `--flags`,
/// `key=value`, strings, `$VAR` and `${VAR}`, the `AS` of a build stage, exec-form arrays.
extension Grammar {
    static let dockerfileArguments = Grammar(
        identifier: ByteSet.identifier.union(ByteSet("-")),
        states: [
            LexState(
                .plain,
                [
                    Rule(
                        .custom(
                            ByteSet("-"),
                            { input, pos in
                                guard input[pos + 1] == UInt8(ascii: "-"),
                                    input.previousOnLine(pos) != UInt8(ascii: "-")
                                else { return 0 }
                                return input.skip(ByteSet.identifier.union(ByteSet("-")), from: pos + 2) - pos
                            }), .attribute),
                    Rule(.words(WordSet("as cmd none", caseInsensitive: true)), .keyword),
                    Rule(.quoted("\""), .string),
                    Rule(.quoted("'", escape: false), .string),
                    Rule(
                        .delimited(open: Array("${".utf8), close: Array("}".utf8), escape: false, multiline: false),
                        .variable),
                    Rule(
                        .custom(
                            ByteSet("$"),
                            { input, pos in
                                let end = input.skip(.identifier, from: pos + 1)
                                return end > pos + 1 && input[pos + 1] < 0x80 ? end - pos : 0
                            }), .variable),
                    Rule(
                        .custom(
                            ByteSet.identifierStart,
                            { input, pos in
                                // The key of `ENV KEY=value` / `LABEL key=value`.
                                guard pos == input.start || ByteSet.whitespace.contains(input.bytes[pos - 1]) else {
                                    return 0
                                }
                                let end = input.skip(ByteSet.identifier.union(ByteSet(".-")), from: pos)
                                return input[end] == UInt8(ascii: "=") ? end - pos : 0
                            }), .property),
                    Rule(
                        .custom(
                            ByteSet.digits,
                            { input, pos in
                                // A port or a count (`EXPOSE 8080/tcp`), not the digits of an image tag.
                                guard
                                    pos == input.start
                                        || ByteSet.whitespace.union(ByteSet("=")).contains(input.bytes[pos - 1])
                                else { return 0 }
                                let end = input.skip(.digits, from: pos)
                                let next = input[end]
                                return next == 0 || ByteSet.whitespace.union(ByteSet("/")).contains(next)
                                    ? end - pos : 0
                            }), .number),
                    Rule(.run(ByteSet("=")), .operator),
                    Rule(.run(ByteSet("[],\\")), .punctuation),
                    Rule(.identifier, .plain),
                ])
        ])
}
