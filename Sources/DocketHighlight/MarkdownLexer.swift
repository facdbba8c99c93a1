// Byte sets the matchers below test, made once: made inside a matcher, a set was built
// again, byte by byte, on every call.
private let blankBytes = ByteSet(" \t\r")

/// Markdown: YAML front matter (`---` … `---` at the top) lexed as YAML, fenced code blocks whose
/// contents are lexed in the fence's language when the highlighter knows it (a string
/// otherwise), and everything between them with `Grammar.markdown`.
enum MarkdownLexer {
    /// How deep Markdown inside Markdown fences is lexed with its fences; deeper, a hostile
    /// block of nested fences would only cost stack.
    private static let maxDepth = 4

    static func lex(_ input: Input, depth: Int = 0, into sink: inout TokenSink) {
        var pos = input.start
        if let end = frontMatterEnd(input) {
            let firstLineEnd = input.lineEnd(from: pos)
            let closeStart = input.lineStart(of: end)
            sink.emit(.punctuation, pos, firstLineEnd)
            var yaml = Lexer(grammar: .yaml, input: Input(bytes: input.bytes, start: firstLineEnd, end: closeStart))
            yaml.run(into: &sink)
            sink.emit(.punctuation, closeStart, end)
            pos = end
        }
        var segmentStart = pos
        while pos < input.end {
            let lineEnd = input.lineEnd(from: pos)
            if let fence = Fence(input, lineStart: pos, lineEnd: lineEnd) {
                text(input, from: segmentStart, to: pos, into: &sink)
                pos = fence.lex(input, depth: depth, into: &sink)
                segmentStart = pos
                continue
            }
            pos = lineEnd + 1
        }
        text(input, from: segmentStart, to: input.end, into: &sink)
    }

    private static func text(_ input: Input, from start: Int, to end: Int, into sink: inout TokenSink) {
        guard end > start else { return }
        var lexer = Lexer(grammar: .markdown, input: Input(bytes: input.bytes, start: start, end: end))
        lexer.run(into: &sink)
    }

    /// The end of the closing `---` line when the block starts with front matter.
    private static func frontMatterEnd(_ input: Input) -> Int? {
        guard input.hasPrefix(Array("---".utf8), at: input.start) else { return nil }
        let firstEnd = input.lineEnd(from: input.start)
        guard input.skip(blankBytes, from: input.start + 3) == firstEnd, firstEnd < input.end else { return nil }
        var lineStart = firstEnd + 1
        while lineStart < input.end {
            let lineEnd = input.lineEnd(from: lineStart)
            if input.hasPrefix(Array("---".utf8), at: lineStart) || input.hasPrefix(Array("...".utf8), at: lineStart),
                input.skip(blankBytes, from: lineStart + 3) == lineEnd
            {
                return lineEnd
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// An opening code fence: three or more backticks or tildes and an optional info string.
    private struct Fence {
        let marker: UInt8
        let length: Int
        let lineEnd: Int
        let language: Language?

        init?(_ input: Input, lineStart: Int, lineEnd: Int) {
            let start = input.skip(.spaces, from: lineStart)
            marker = input[start]
            guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
            let end = input.skip(ByteSet(marker...marker), from: start)
            length = end - start
            guard length >= 3 else { return nil }
            let nameStart = input.skip(.spaces, from: end)
            let nameEnd = input.skip(.except(" \t\r\n{`"), from: nameStart)
            // A backtick in a backtick fence's info string makes it inline code, not a fence.
            if marker == UInt8(ascii: "`") {
                for index in nameStart..<lineEnd where input.bytes[index] == marker { return nil }
            }
            self.lineEnd = lineEnd
            language =
                nameEnd > nameStart
                ? Language(fenceName: String(decoding: input.bytes[nameStart..<nameEnd], as: UTF8.self)) : nil
        }

        /// Emits the fence lines as meta and the code between them; returns where the block ends.
        func lex(_ input: Input, depth: Int, into sink: inout TokenSink) -> Int {
            let openStart = input.lineStart(of: lineEnd)
            let openFence = input.skip(.spaces, from: openStart)
            sink.emit(.plain, openStart, openFence)
            sink.emit(.meta, openFence, lineEnd)
            guard lineEnd < input.end else { return lineEnd }
            let codeStart = lineEnd + 1
            var lineStart = codeStart
            var closeStart = input.end, closeEnd = input.end
            while lineStart < input.end {
                let end = input.lineEnd(from: lineStart)
                let content = input.skip(.spaces, from: lineStart)
                let markers = input.skip(ByteSet(marker...marker), from: content)
                if markers - content >= length, input.skip(blankBytes, from: markers) == end {
                    closeStart = lineStart
                    closeEnd = end
                    break
                }
                lineStart = end + 1
            }
            // The newline before the closing fence stays outside the code.
            let codeEnd = closeStart == input.end ? input.end : max(codeStart, closeStart - 1)
            sink.emit(.plain, lineEnd, codeStart)
            let code = Input(bytes: input.bytes, start: codeStart, end: codeEnd)
            if language == .markdown {
                if depth < MarkdownLexer.maxDepth {
                    MarkdownLexer.lex(code, depth: depth + 1, into: &sink)
                } else {
                    MarkdownLexer.text(code, from: codeStart, to: codeEnd, into: &sink)
                }
            } else if let language {
                Highlighter.lex(code, language, into: &sink)
            } else {
                sink.emit(.string, codeStart, codeEnd)
            }
            if closeStart < input.end {
                sink.emit(.plain, codeEnd, closeStart)
                let fenceStart = input.skip(.spaces, from: closeStart)
                sink.emit(.plain, closeStart, fenceStart)
                sink.emit(.meta, fenceStart, closeEnd)
            }
            return closeEnd
        }
    }
}
