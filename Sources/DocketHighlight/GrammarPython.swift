/// Python: prefixed and triple-quoted strings (spanning lines), decorators, `def`/`class`
/// names, keywords, builtins, `self`/`cls`.
extension Grammar {
    static let python = code(
        CodeWords(
            keywords: WordSet(
                """
                and as assert async await break class continue def del elif else except finally for from \
                global if import in is lambda nonlocal not or pass raise return try while with yield match case
                """),
            constants: WordSet("True False None NotImplemented Ellipsis __name__ __file__"),
            builtins: WordSet(
                """
                print len range open int str float bool list dict set tuple bytes type isinstance \
                issubclass enumerate zip map filter sorted reversed sum min max abs any all iter next \
                repr hash id input super object property staticmethod classmethod getattr setattr \
                hasattr delattr vars dir format round divmod pow chr ord hex oct bin exit
                """),
            variables: WordSet("self cls"),
            functionDefiners: WordSet("def"),
            typeDefiners: WordSet("class"),
            lineComments: ["#"],
            blockComment: nil
        ),
        leading: [
            Rule(
                .afterIndent(
                    .custom(
                        ByteSet("@"),
                        { input, pos in
                            input.skip(ByteSet.identifier.union(ByteSet(".")), from: pos + 1) - pos
                        })), .meta),
            Rule(.custom(ByteSet("\"'rRbBuUfF"), pythonString), .string),
        ])

    /// A string with an optional prefix (`r`, `b`, `f`, `rb`, …), single or triple quoted.
    private static let pythonString: Matcher = { input, pos in
        guard pos == input.start || !ByteSet.identifier.contains(input.bytes[pos - 1]) else { return 0 }
        var cursor = pos
        while cursor - pos < 2, ByteSet("rRbBuUfF").contains(input[cursor]) { cursor += 1 }
        let quote = input[cursor]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return 0 }
        let triple = input[cursor + 1] == quote && input[cursor + 2] == quote
        cursor += triple ? 3 : 1
        while cursor < input.end {
            let byte = input.bytes[cursor]
            // Even a raw string cannot end at a backslash-escaped quote.
            if byte == UInt8(ascii: "\\") { cursor += 2; continue }
            if byte == quote && (!triple || (input[cursor + 1] == quote && input[cursor + 2] == quote)) {
                return cursor + (triple ? 3 : 1) - pos
            }
            if byte == 0x0A && !triple { return cursor - pos }
            cursor += 1
        }
        return input.end - pos
    }
}
