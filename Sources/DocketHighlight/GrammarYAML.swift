// Byte sets the matchers below test, made once: made inside a matcher, a set was built
// again, byte by byte, on every call.
private let yamlNodeStartBytes = ByteSet(" \t\n[{,")
private let dashDotBytes = ByteSet("-.")
private let yamlTagStartBytes = ByteSet(" \t\n")
private let yamlTagBytes = ByteSet("!-.:/")
private let yamlIndicatorBytes = ByteSet(" \t\r\n#[]{},|>&*!%@`\"'-?:")
private let yamlFlowBytes = ByteSet(",{}[]")
private let yamlValueStartBytes = ByteSet(":-[{,?\n")
private let yamlScalarEndBytes = ByteSet(" \t\r\n,]}")
private let yamlAfterScalarBytes = ByteSet("\r\n,]}")
private let yamlNumberBytes = ByteSet("+-._:eExXoOabcdefABCDEFTZ")
private let signOrDotBytes = ByteSet("+-.")

/// YAML: keys (plain or quoted) as properties, quoted scalars and block scalars (`|`, `>-`, the
/// indented lines after them) as strings, anchors and aliases as variables, tags as types, and
/// `true`/`null`/numbers only when they are a whole scalar (`port: 80`, not `name: 80s band`).
extension Grammar {
    static let yaml = Grammar(states: [
        LexState(
            .plain,
            [
                Rule(.pendingBody, .string),
                Rule(.atLineStart(.custom(ByteSet("-."), documentMarker)), .punctuation),
                Rule(
                    .custom(
                        ByteSet("#"),
                        { input, pos in
                            guard pos == input.start || ByteSet.whitespace.contains(input.bytes[pos - 1]) else {
                                return 0
                            }
                            return input.lineEnd(from: pos) - pos
                        }), .comment),
                Rule(.blockScalarStart, .operator),
                Rule(.custom(.all, yamlKey), .property),
                Rule(.quoted("\"", multiline: true), .string),
                Rule(.quoted("'", escape: false, multiline: true), .string),
                Rule(
                    .custom(
                        ByteSet("&*"),
                        { input, pos in
                            guard pos == input.start || yamlNodeStartBytes.contains(input.bytes[pos - 1]) else {
                                return 0
                            }
                            let end = input.skip(ByteSet.identifier.union(dashDotBytes), from: pos + 1)
                            return end > pos + 1 ? end - pos : 0
                        }), .variable),
                Rule(
                    .custom(
                        ByteSet("!"),
                        { input, pos in
                            guard pos == input.start || yamlTagStartBytes.contains(input.bytes[pos - 1]) else {
                                return 0
                            }
                            return input.skip(ByteSet.identifier.union(yamlTagBytes), from: pos + 1) - pos
                        }), .type),
                Rule(
                    .custom(
                        ByteSet("-"),
                        { input, pos in
                            let next = input[pos + 1]
                            return input.afterIndent(pos) || input.previousOnLine(pos) == UInt8(ascii: "-")
                                ? (next == 0x20 || next == 0x0A || next == 0 ? 1 : 0) : 0
                        }), .punctuation),
                Rule(
                    .custom(
                        ByteSet("tfnyoTFNYO~"),
                        { input, pos in
                            wholeScalar(input, pos, words: yamlConstants)
                        }), .constant),
                Rule(
                    .custom(
                        ByteSet("0123456789-+."),
                        { input, pos in
                            wholeScalar(input, pos, words: nil)
                        }), .number),
                Rule(.run(ByteSet("[]{},?")), .punctuation),
                Rule(
                    .custom(
                        ByteSet(":"),
                        { input, pos in
                            // A mapping colon, not the one in `host:8080` or `http://`.
                            let next = input[pos + 1]
                            return next == 0x20 || next == 0x0A || next == 0x0D || next == 0 ? 1 : 0
                        }), .punctuation),
                Rule(.run(.except(" \t\r\n#[]{},\"'")), .plain),
                Rule(.identifier, .plain),
                Rule(.run(.spaces), .plain),
            ])
    ])

    private static let yamlConstants = WordSet(
        "true false null yes no on off True False Null TRUE FALSE NULL Yes No On Off YES NO ON OFF ~")

    /// `---` or `...` alone at the start of a line.
    private static let documentMarker: Matcher = { input, pos in
        let marker = input[pos]
        guard input[pos + 1] == marker, input[pos + 2] == marker else { return 0 }
        let next = input[pos + 3]
        return next == 0 || next == 0x0A || next == 0x0D || next == 0x20 ? 3 : 0
    }

    /// A mapping key: first on its line, after `- `, `? ` or inside a flow mapping, and followed
    /// by `:` and a space or the end of the line. The match is the key without its colon.
    private static let yamlKey: Matcher = { input, pos in
        let previous = input.previousOnLine(pos)
        guard
            previous == 0x0A || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?")
                || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",")
        else { return 0 }
        if previous == UInt8(ascii: "-"), input[pos - 1] != 0x20 { return 0 }
        let first = input[pos]
        var cursor = pos
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            cursor += 1
            while cursor < input.end, input.bytes[cursor] != first, input.bytes[cursor] != 0x0A {
                cursor += input.bytes[cursor] == UInt8(ascii: "\\") && first == UInt8(ascii: "\"") ? 2 : 1
            }
            guard input[cursor] == first else { return 0 }
            cursor += 1
            let colon = input.skip(.spaces, from: cursor)
            guard input[colon] == UInt8(ascii: ":") else { return 0 }
            let after = input[colon + 1]
            return after == 0x20 || after == 0x0A || after == 0 || after == 0x0D ? cursor - pos : 0
        }
        guard
            !yamlIndicatorBytes.contains(first)
                || (first == UInt8(ascii: "-") && input[pos + 1] != 0x20)
        else { return 0 }
        while cursor < input.end {
            let byte = input.bytes[cursor]
            if byte == 0x0A { return 0 }
            if byte == UInt8(ascii: ":") {
                let after = input[cursor + 1]
                if after == 0x20 || after == 0x0A || after == 0 || after == 0x0D || after == 0x09 { break }
            }
            if byte == UInt8(ascii: "#") && input.bytes[cursor - 1] == 0x20 { return 0 }
            if previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") {
                if yamlFlowBytes.contains(byte) { return 0 }
            }
            cursor += 1
        }
        guard cursor < input.end else { return 0 }
        var keyEnd = cursor
        while keyEnd > pos, input.bytes[keyEnd - 1] == 0x20 { keyEnd -= 1 }
        return keyEnd - pos
    }

    /// A scalar that is a whole value (after `: `, `- `, `[`, `,` or alone on its line, and
    /// followed by the end of the line, a comment or a flow separator) and is one of `words`, or
    /// a number when `words` is nil.
    private static func wholeScalar(_ input: Input, _ pos: Int, words: WordSet?) -> Int {
        let previous = input.previousOnLine(pos)
        guard yamlValueStartBytes.contains(previous),
            pos > input.start ? yamlNodeStartBytes.contains(input.bytes[pos - 1]) : true
        else { return 0 }
        var end = pos
        while end < input.end, !yamlScalarEndBytes.contains(input.bytes[end]) { end += 1 }
        var after = input.skip(.spaces, from: end)
        if after > end, input[after] == UInt8(ascii: "#") { after = input.lineEnd(from: after) }
        let next = input[after]
        guard next == 0 || yamlAfterScalarBytes.contains(next) else { return 0 }
        if let words { return words.contains(input.bytes, pos, end) ? end - pos : 0 }
        return isNumber(input, pos, end) ? end - pos : 0
    }

    /// Decimal, signed, fractional, exponent, `0x`/`0o`, `.inf`/`.nan`, or a date like 2024-05-01.
    static func isNumber(_ input: Input, _ start: Int, _ end: Int) -> Bool {
        var digits = 0
        for index in start..<end {
            let byte = input.bytes[index]
            if ByteSet.digits.contains(byte) { digits += 1; continue }
            if yamlNumberBytes.contains(byte) { continue }
            return false
        }
        if digits > 0 {
            return ByteSet.digits.contains(input[start])
                || signOrDotBytes.contains(input[start])
                    && (ByteSet.digits.contains(input[start + 1]) || input[start + 1] == UInt8(ascii: "."))
        }
        guard end - start <= 5 else { return false }
        let word = String(decoding: input.bytes[start..<end], as: UTF8.self).lowercased()
        return [".inf", "-.inf", "+.inf", ".nan"].contains(word)
    }
}
