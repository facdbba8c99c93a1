/// SQL (PostgreSQL, MySQL, SQLite): keywords and types in any case, `'…'` strings, `$$` and
/// `$tag$` bodies, quoted identifiers, parameters (`$1`, `:name`, `@name`, `?`), comments.
extension Grammar {
    static let sql = code(
        CodeWords(
            keywords: WordSet(
                """
                add all alter and any as asc begin between by cascade case check column commit constraint \
                create cross database declare default delete desc distinct do drop else end except exists \
                explain extension foreign from full function grant group having if ilike in index inner \
                insert intersect into is join key language left like limit materialized not nothing null \
                offset on or order outer over partition primary procedure references replace returning \
                returns revoke right rollback schema select sequence set table temporary temp then to \
                transaction trigger truncate union unique update using values view when where window with \
                conflict analyze vacuum lateral recursive collate escape row rows only first last nulls
                """, caseInsensitive: true),
            constants: WordSet("true false null", caseInsensitive: true),
            types: WordSet(
                """
                int integer smallint bigint serial bigserial decimal numeric real double precision float \
                boolean bool char character varchar text bytea date time timestamp timestamptz interval \
                uuid json jsonb blob clob tinyint mediumint datetime
                """, caseInsensitive: true),
            lineComments: ["--"],
            capitalizedTypes: false,
            adjacentCalls: true,
            properties: false
        ),
        leading: [
            Rule(
                .custom(
                    ByteSet("eE"),
                    { input, pos in
                        guard input[pos + 1] == UInt8(ascii: "'"),
                            pos == input.start || !ByteSet.identifier.contains(input.bytes[pos - 1])
                        else { return 0 }
                        return 1 + quotedLength(input, pos + 1, quote: UInt8(ascii: "'"), escapes: true)
                    }), .string),
            Rule(.quoted("'", escape: false, multiline: true), .string),
            Rule(.custom(ByteSet("$"), dollarQuoted), .string),
            Rule(.quoted("\"", escape: false), .property),
            Rule(.quoted("`", escape: false), .property),
            Rule(
                .custom(
                    ByteSet("$:@?"),
                    { input, pos in
                        let byte = input[pos]
                        if byte == UInt8(ascii: "?") { return 1 }
                        if byte == UInt8(ascii: ":")
                            && (input[pos + 1] == UInt8(ascii: ":") || input[pos - 1] == UInt8(ascii: ":"))
                        {
                            return 0
                        }
                        let end = input.skip(byte == UInt8(ascii: "$") ? .digits : .identifier, from: pos + 1)
                        return end > pos + 1 ? end - pos : 0
                    }), .variable),
        ])

    /// `$$…$$` or `$tag$…$tag$` (PostgreSQL function bodies).
    private static let dollarQuoted: Matcher = { input, pos in
        var cursor = pos + 1
        cursor = input.skip(.identifier, from: cursor)
        guard input[cursor] == UInt8(ascii: "$") else { return 0 }
        let tag = Array(input.bytes[pos...cursor])
        cursor += 1
        while cursor < input.end {
            if input.hasPrefix(tag, at: cursor) { return cursor + tag.count - pos }
            cursor += 1
        }
        return input.end - pos
    }

    /// The length of a one-line string at `pos` quoted by `quote`.
    static func quotedLength(_ input: Input, _ pos: Int, quote: UInt8, escapes: Bool) -> Int {
        var cursor = pos + 1
        while cursor < input.end {
            let byte = input.bytes[cursor]
            if escapes && byte == UInt8(ascii: "\\") { cursor += 2; continue }
            if byte == quote { return cursor + 1 - pos }
            if byte == 0x0A { break }
            cursor += 1
        }
        return min(cursor, input.end) - pos
    }
}
