/// JavaScript and TypeScript: strings, template literals whose `${…}` holds code (nested
/// through the state stack), regex literals where an expression may start, decorators,
/// keywords, constants, global objects, types (TypeScript adds its keywords and primitive types).
extension Grammar {
    static let javascript = script(typescript: false)
    static let typescript = script(typescript: true)

    private static func script(typescript: Bool) -> Grammar {
        let template = 1
        var keywords = """
            async await break case catch class const continue debugger default delete do else export \
            extends finally for from function get if import in instanceof let new of return set static \
            super switch this throw try typeof var void while with yield
            """
        var types = ""
        if typescript {
            keywords +=
                " abstract as asserts declare enum implements infer interface is keyof module namespace override private protected public readonly satisfies type unique"
            types = "any bigint boolean never number object string symbol unknown void undefined"
        }
        let identifier = ByteSet.identifier.union(ByteSet("$"))
        return code(
            CodeWords(
                keywords: WordSet(keywords),
                constants: WordSet("true false null undefined NaN Infinity"),
                types: WordSet(types),
                builtins: WordSet(
                    "console window document globalThis process require module exports Math JSON Object Array Promise Number String Boolean Symbol Date Error Map Set RegExp"
                ),
                functionDefiners: WordSet("function"),
                typeDefiners: WordSet(
                    typescript ? "class interface type enum extends implements new" : "class extends new"),
                nesting: ("{", "}")
            ), identifier: identifier,
            leading: [
                Rule(.lit("`"), .string, .push(template)),
                Rule(.quoted("\""), .string),
                Rule(.quoted("'"), .string),
                Rule(.custom(ByteSet("/"), regexLiteral), .regex),
                Rule(
                    .custom(
                        ByteSet("@"),
                        { input, pos in
                            let end = input.skip(identifier, from: pos + 1)
                            return end > pos + 1 ? end - pos : 0
                        }), .meta),
            ],
            extraStates: [
                LexState(
                    .string,
                    [
                        Rule(.custom(ByteSet("\\"), { input, pos in pos + 1 < input.end ? 2 : 1 }), .string),
                        Rule(.lit("${"), .punctuation, .push(0)),
                        Rule(.lit("`"), .string, .pop),
                    ])
            ])
    }

    private static let regexLeaders = WordSet("return typeof case do else in of")

    /// `/…/flags` where a value may start (after `(`, `=`, `,`, `:`, `[`, `!`, `&`, `|`, `?`,
    /// `{`, `;`, `return`, or at the start), not a division; on one line.
    private static let regexLiteral: Matcher = { input, pos in
        let next = input[pos + 1]
        guard next != UInt8(ascii: "/"), next != UInt8(ascii: "*"), next != 0x20, next != 0x0A else { return 0 }
        let previous = input.previousSignificant(pos)
        if !(previous == 0 || ByteSet("(=,:[!&|?{};+-").contains(previous)) {
            var wordStart = pos
            while wordStart > input.start, ByteSet(" \t").contains(input.bytes[wordStart - 1]) { wordStart -= 1 }
            let wordEnd = wordStart
            while wordStart > input.start, ByteSet.identifier.contains(input.bytes[wordStart - 1]) { wordStart -= 1 }
            guard regexLeaders.contains(input.bytes, wordStart, wordEnd) else { return 0 }
        }
        var cursor = pos + 1
        var inClass = false
        while cursor < input.end {
            let byte = input.bytes[cursor]
            if byte == 0x0A { return 0 }
            if byte == UInt8(ascii: "\\") { cursor += 2; continue }
            if byte == UInt8(ascii: "[") { inClass = true }
            if byte == UInt8(ascii: "]") { inClass = false }
            if byte == UInt8(ascii: "/") && !inClass {
                return input.skip(ByteSet("dgimsuyv"), from: cursor + 1) - pos
            }
            cursor += 1
        }
        return 0
    }
}
