/// Markdown text between fenced code blocks (`MarkdownLexer` handles front matter and fences):
/// ATX headings, `:::` admonition fences, block quote and list markers, thematic breaks, inline
/// code, strong and emphasis, link texts and their destinations, autolinks and inline HTML tags.
extension Grammar {
    static let markdown = Grammar(states: [
        LexState(
            .plain,
            [
                Rule(
                    .afterIndent(
                        .custom(
                            ByteSet(":"),
                            { input, pos in
                                // `:::note`, `::::info Title`: the colons and the admonition type.
                                let colons = input.skip(ByteSet(":"), from: pos)
                                guard colons - pos >= 3 else { return 0 }
                                return input.skip(.identifier, from: colons) - pos
                            })), .meta),
                Rule(
                    .afterIndent(
                        .custom(
                            ByteSet("#"),
                            { input, pos in
                                let end = input.skip(ByteSet("#"), from: pos)
                                let after = input[end]
                                return end - pos <= 6 && (after == 0x20 || after == 0x0A || after == 0)
                                    ? input.lineEnd(from: pos) - pos : 0
                            })), .heading),
                Rule(
                    .afterIndent(
                        .custom(
                            ByteSet("-*_"),
                            { input, pos in
                                // A thematic break: three or more of one marker, spaces allowed, nothing else.
                                let marker = input[pos]
                                let end = input.lineEnd(from: pos)
                                var count = 0
                                for index in pos..<end {
                                    let byte = input.bytes[index]
                                    if byte == marker { count += 1 } else if byte != 0x20 && byte != 0x0D { return 0 }
                                }
                                return count >= 3 ? end - pos : 0
                            })), .punctuation),
                Rule(
                    .afterIndent(
                        .custom(
                            ByteSet(">-*+0123456789"),
                            { input, pos in
                                var end = pos
                                if ByteSet.digits.contains(input[pos]) {
                                    end = input.skip(.digits, from: pos)
                                    guard end - pos <= 9,
                                        input[end] == UInt8(ascii: ".") || input[end] == UInt8(ascii: ")")
                                    else { return 0 }
                                } else if input[pos] == UInt8(ascii: ">") {
                                    return 1
                                }
                                end += 1
                                return input[end] == 0x20 || input[end] == 0x0A || input[end] == 0 ? end - pos : 0
                            })), .punctuation),
                Rule(
                    .custom(
                        ByteSet("`"),
                        { input, pos in
                            let ticks = input.skip(ByteSet("`"), from: pos) - pos
                            let close = Array(repeating: UInt8(ascii: "`"), count: ticks)
                            var cursor = pos + ticks
                            while cursor < input.end, input.bytes[cursor] != 0x0A {
                                if input.hasPrefix(close, at: cursor) && input[cursor + ticks] != UInt8(ascii: "`") {
                                    return cursor + ticks - pos
                                }
                                cursor += 1
                            }
                            return 0
                        }), .string),
                Rule(.custom(ByteSet("*_"), { input, pos in emphasis(input, pos, count: 2) }), .strong),
                Rule(.custom(ByteSet("*_"), { input, pos in emphasis(input, pos, count: 1) }), .emphasis),
                Rule(
                    .custom(
                        ByteSet("!["),
                        { input, pos in
                            let open = input[pos] == UInt8(ascii: "!") ? pos + 1 : pos
                            guard input[open] == UInt8(ascii: "[") else { return 0 }
                            var cursor = open + 1
                            var depth = 1
                            while cursor < input.end, input.bytes[cursor] != 0x0A {
                                if input.bytes[cursor] == UInt8(ascii: "[") { depth += 1 }
                                if input.bytes[cursor] == UInt8(ascii: "]") { depth -= 1; if depth == 0 { break } }
                                cursor += 1
                            }
                            guard input[cursor] == UInt8(ascii: "]") else { return 0 }
                            let next = input[cursor + 1]
                            return next == UInt8(ascii: "(") || next == UInt8(ascii: "[") || next == UInt8(ascii: ":")
                                ? cursor + 1 - pos : 0
                        }), .link),
                Rule(
                    .custom(
                        ByteSet("(["),
                        { input, pos in
                            // The destination right after a link text: `](url "title")` or `][ref]`.
                            guard pos > input.start, input.bytes[pos - 1] == UInt8(ascii: "]") else { return 0 }
                            let close = input[pos] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
                            var cursor = pos + 1
                            while cursor < input.end, input.bytes[cursor] != close, input.bytes[cursor] != 0x0A {
                                cursor += 1
                            }
                            return input[cursor] == close ? cursor + 1 - pos : 0
                        }), .string),
                Rule(
                    .custom(
                        ByteSet("<"),
                        { input, pos in
                            // An autolink (`<https://…>`) or an inline HTML tag.
                            let next = input[pos + 1]
                            guard ByteSet.identifierStart.contains(next) || next == UInt8(ascii: "/") else { return 0 }
                            var cursor = pos + 1
                            while cursor < input.end, input.bytes[cursor] != UInt8(ascii: ">"),
                                input.bytes[cursor] != 0x0A, input.bytes[cursor] != UInt8(ascii: "<")
                            { cursor += 1 }
                            return input[cursor] == UInt8(ascii: ">") ? cursor + 1 - pos : 0
                        }), .tag),
                // A run of markers that opened nothing is skipped whole, so a long run costs one
                // scan of its line instead of one per byte.
                Rule(.run(ByteSet("`*_[")), .plain),
                Rule(.run(ByteSet("|")), .punctuation),
                Rule(.identifier, .plain),
                Rule(.run(.spaces), .plain),
            ])
    ])

    /// `**strong**` / `__strong__` (count 2) or `*em*` / `_em_` (count 1) on one line; `_`
    /// only at word boundaries (`snake_case_name` is not emphasis).
    private static func emphasis(_ input: Input, _ pos: Int, count: Int) -> Int {
        let marker = input[pos]
        for offset in 0..<count where input[pos + offset] != marker { return 0 }
        let contentStart = pos + count
        let first = input[contentStart]
        guard first != marker, first != 0x20, first != 0x0A, first != 0 else { return 0 }
        if marker == UInt8(ascii: "_"), pos > input.start, ByteSet.identifier.contains(input.bytes[pos - 1]) {
            return 0
        }
        var cursor = contentStart + 1
        while cursor < input.end, input.bytes[cursor] != 0x0A {
            if input.bytes[cursor] == marker {
                var run = 0
                while input[cursor + run] == marker { run += 1 }
                if run == count, input.bytes[cursor - 1] != 0x20,
                    marker != UInt8(ascii: "_") || !ByteSet.identifier.contains(input[cursor + run])
                {
                    return cursor + run - pos
                }
                cursor += run
                continue
            }
            cursor += 1
        }
        return 0
    }
}
