/// Swift: strings and multi-line strings with `\(…)` interpolation (code, nested through the
/// state stack), raw `#"…"#` strings, nested block comments, `@attributes` and `#directives`,
/// keywords, declarations, capitalised types, members.
extension Grammar {
    static let swift: Grammar = {
        let string = 1, multiline = 2
        let escape = Rule(
            .custom(
                ByteSet("\\"),
                { input, pos in
                    input[pos + 1] == UInt8(ascii: "(") ? 0 : (pos + 1 < input.end ? 2 : 1)
                }), .string)
        return code(
            CodeWords(
                keywords: WordSet(
                    """
                    actor any as associatedtype async await break case catch class continue convenience \
                    default defer deinit do dynamic else enum extension fallthrough fileprivate final for \
                    func get guard if import in indirect init inout internal is lazy let mutating \
                    nonisolated nonmutating open operator optional override package private protocol public \
                    repeat required rethrows return self Self set some static struct subscript super switch \
                    throw throws try typealias unowned var weak where while willSet didSet consuming borrowing
                    """),
                constants: WordSet("true false nil"),
                functionDefiners: WordSet("func"),
                typeDefiners: WordSet("struct class enum protocol extension actor typealias associatedtype"),
                blockComment: ("/*", "*/", true),
                nesting: ("(", ")")
            ),
            leading: [
                Rule(.custom(ByteSet("#"), rawSwiftString), .string),
                Rule(.lit("\"\"\""), .string, .push(multiline)),
                Rule(.lit("\""), .string, .push(string)),
                Rule(
                    .custom(
                        ByteSet("@#"),
                        { input, pos in
                            let end = input.skip(.identifier, from: pos + 1)
                            return end > pos + 1 && ByteSet.identifierStart.contains(input[pos + 1]) ? end - pos : 0
                        }), .meta),
            ],
            extraStates: [
                LexState(
                    .string,
                    [
                        escape,
                        Rule(.lit("\\("), .punctuation, .push(0)),
                        Rule(.lit("\""), .string, .pop),
                        Rule(.lit("\n"), .string, .pop),
                    ]),
                LexState(
                    .string,
                    [
                        escape,
                        Rule(.lit("\\("), .punctuation, .push(0)),
                        Rule(.lit("\"\"\""), .string, .pop),
                    ]),
            ])
    }()

    /// `#"…"#`, `##"…"##` and their multi-line `#"""…"""#` forms.
    private static let rawSwiftString: Matcher = { input, pos in
        // Only from the first `#` of a run, so a long run of `#` is not rescanned per byte.
        guard input[pos - 1] != UInt8(ascii: "#") else { return 0 }
        var cursor = pos
        while input[cursor] == UInt8(ascii: "#") { cursor += 1 }
        let hashes = cursor - pos
        guard input[cursor] == UInt8(ascii: "\"") else { return 0 }
        let triple = input[cursor + 1] == UInt8(ascii: "\"") && input[cursor + 2] == UInt8(ascii: "\"")
        let close =
            Array(repeating: UInt8(ascii: "\""), count: triple ? 3 : 1)
            + Array(repeating: UInt8(ascii: "#"), count: hashes)
        cursor += triple ? 3 : 1
        while cursor < input.end {
            if input.hasPrefix(close, at: cursor) { return cursor + close.count - pos }
            if input.bytes[cursor] == 0x0A && !triple { return cursor - pos }
            cursor += 1
        }
        return input.end - pos
    }
}
