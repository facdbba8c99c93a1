/// Rust: strings (multi-line), raw and byte strings, char literals versus lifetimes, nested
/// block comments, `#[attributes]`, `macro!` calls, keywords, primitive and capitalised types.
extension Grammar {
    static let rust = code(
        CodeWords(
            keywords: WordSet(
                """
                as async await break const continue crate dyn else enum extern fn for if impl in let loop \
                match mod move mut pub ref return self Self static struct super trait type unsafe use where \
                while yield
                """),
            constants: WordSet("true false"),
            types: WordSet("i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str"),
            builtins: WordSet("Some None Ok Err"),
            functionDefiners: WordSet("fn"),
            typeDefiners: WordSet("struct enum trait type impl union"),
            blockComment: ("/*", "*/", true)
        ),
        leading: [
            Rule(.custom(ByteSet("rb"), rawRustString), .string),
            Rule(
                .custom(
                    ByteSet("b"),
                    { input, pos in
                        guard input[pos + 1] == UInt8(ascii: "\"") || input[pos + 1] == UInt8(ascii: "'") else {
                            return 0
                        }
                        guard pos == input.start || !ByteSet.identifier.contains(input.bytes[pos - 1]) else { return 0 }
                        return 1 + quotedLength(input, pos + 1, quote: input[pos + 1], escapes: true)
                    }), .string),
            Rule(.quoted("\"", multiline: true), .string),
            Rule(.custom(ByteSet("'"), charOrLifetime), .string),
            Rule(
                .custom(
                    ByteSet("'"),
                    { input, pos in
                        input.skip(.identifier, from: pos + 1) - pos
                    }), .variable),
            Rule(
                .custom(
                    ByteSet("#"),
                    { input, pos in
                        var cursor = pos + 1
                        if input[cursor] == UInt8(ascii: "!") { cursor += 1 }
                        guard input[cursor] == UInt8(ascii: "[") else { return 0 }
                        var depth = 0
                        while cursor < input.end {
                            let byte = input.bytes[cursor]
                            if byte == UInt8(ascii: "[") { depth += 1 }
                            if byte == UInt8(ascii: "]") { depth -= 1; if depth == 0 { return cursor + 1 - pos } }
                            if byte == 0x0A { return cursor - pos }
                            cursor += 1
                        }
                        return cursor - pos
                    }), .meta),
            Rule(
                .custom(
                    .identifierStart,
                    { input, pos in
                        guard pos == input.start || !ByteSet.identifier.contains(input.bytes[pos - 1]) else { return 0 }
                        let end = input.skip(.identifier, from: pos)
                        return input[end] == UInt8(ascii: "!") && input[end + 1] != UInt8(ascii: "=")
                            ? end + 1 - pos : 0
                    }), .function),
        ])

    /// `r"…"`, `r#"…"#`, `br"…"`.
    private static let rawRustString: Matcher = { input, pos in
        guard pos == input.start || !ByteSet.identifier.contains(input.bytes[pos - 1]) else { return 0 }
        var cursor = pos
        if input[cursor] == UInt8(ascii: "b") { cursor += 1 }
        guard input[cursor] == UInt8(ascii: "r") else { return 0 }
        cursor += 1
        let hashStart = cursor
        while input[cursor] == UInt8(ascii: "#") { cursor += 1 }
        guard input[cursor] == UInt8(ascii: "\"") else { return 0 }
        let close = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "#"), count: cursor - hashStart)
        cursor += 1
        while cursor < input.end {
            if input.hasPrefix(close, at: cursor) { return cursor + close.count - pos }
            cursor += 1
        }
        return input.end - pos
    }

    /// A char literal (`'a'`, `'\n'`, `'\u{1F600}'`); 0 for a lifetime (`'a` with no close).
    private static let charOrLifetime: Matcher = { input, pos in
        var cursor = pos + 1
        if input[cursor] == UInt8(ascii: "\\") {
            cursor += 2
            while cursor < input.end, cursor - pos < 12, input.bytes[cursor] != UInt8(ascii: "'"),
                input.bytes[cursor] != 0x0A
            { cursor += 1 }
        } else {
            cursor += 1
            while cursor < input.end, input.bytes[cursor] & 0xC0 == 0x80 { cursor += 1 }
        }
        return input[cursor] == UInt8(ascii: "'") ? cursor + 1 - pos : 0
    }
}
