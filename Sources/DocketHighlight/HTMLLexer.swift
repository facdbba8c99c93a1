/// HTML: markup with `Grammar.markup`, and the contents of `<script>` and `<style>` elements as
/// JavaScript and CSS.
enum HTMLLexer {
    static func lex(_ input: Input, into sink: inout TokenSink) {
        var segmentStart = input.start
        var pos = input.start
        while pos < input.end {
            guard input.bytes[pos] == UInt8(ascii: "<"), let (embedded, closeTag) = embeddedElement(input, at: pos)
            else {
                pos += 1
                continue
            }
            // The opening tag ends at its first `>` outside quotes.
            var cursor = pos + 1
            var quote: UInt8 = 0
            while cursor < input.end {
                let byte = input.bytes[cursor]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                cursor += 1
            }
            guard cursor < input.end else { break }
            let contentStart = cursor + 1
            markup(input, from: segmentStart, to: contentStart, into: &sink)
            let contentEnd = find(closeTag, in: input, from: contentStart) ?? input.end
            Highlighter.lex(Input(bytes: input.bytes, start: contentStart, end: contentEnd), embedded, into: &sink)
            segmentStart = contentEnd
            pos = contentEnd
        }
        markup(input, from: segmentStart, to: input.end, into: &sink)
    }

    private static func markup(_ input: Input, from start: Int, to end: Int, into sink: inout TokenSink) {
        guard end > start else { return }
        var lexer = Lexer(grammar: .markup, input: Input(bytes: input.bytes, start: start, end: end))
        lexer.run(into: &sink)
    }

    private static let script = Array("script".utf8), style = Array("style".utf8)

    /// The language of a `<script` or `<style` tag at `pos`, and the closing tag to look for.
    private static func embeddedElement(_ input: Input, at pos: Int) -> (Language, [UInt8])? {
        for (name, language) in [(script, Language.javascript), (style, Language.css)]
        where matchesFolded(name, input, at: pos + 1) {
            let after = input[pos + 1 + name.count]
            guard after == UInt8(ascii: ">") || ByteSet.whitespace.contains(after) else { continue }
            return (language, Array("</".utf8) + name)
        }
        return nil
    }

    private static func find(_ tag: [UInt8], in input: Input, from start: Int) -> Int? {
        var cursor = start
        while cursor < input.end {
            if input.bytes[cursor] == UInt8(ascii: "<"), matchesFolded(tag, input, at: cursor) { return cursor }
            cursor += 1
        }
        return nil
    }

    /// `literal` (lowercase ASCII) at `pos`, ignoring case.
    private static func matchesFolded(_ literal: [UInt8], _ input: Input, at pos: Int) -> Bool {
        guard pos + literal.count <= input.end else { return false }
        for (offset, byte) in literal.enumerated() {
            let actual = input.bytes[pos + offset]
            if actual != byte && actual | 0x20 != byte { return false }
        }
        return true
    }
}
