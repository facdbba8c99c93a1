// Byte sets the matchers below test, made once: made inside a matcher, a set was built
// again, byte by byte, on every call.
private let tabBytes = ByteSet("\t")

/// Lexes a shell command that is part of another language's line (a console prompt line, a
/// Dockerfile `RUN`), extending it over the bodies of the heredocs it opens.
enum EmbeddedShell {
    /// Lexes `start..<end` as bash into `sink`; returns where the command really ends (after
    /// its heredoc bodies, if it opened any).
    static func lex(_ input: Input, from start: Int, to end: Int, into sink: inout TokenSink) -> Int {
        var commandEnd = end
        var probe = Lexer(grammar: .bash, input: Input(bytes: input.bytes, start: start, end: commandEnd))
        var scratch = TokenSink()
        probe.run(into: &scratch)
        if !probe.pending.isEmpty {
            for body in probe.pending {
                guard case .heredoc(let delimiter, let stripTabs) = body else { continue }
                commandEnd = delimiterLineEnd(input, after: commandEnd, delimiter: delimiter, stripTabs: stripTabs)
            }
            var lexer = Lexer(grammar: .bash, input: Input(bytes: input.bytes, start: start, end: commandEnd))
            lexer.run(into: &sink)
        } else {
            for token in scratch.tokens { sink.emit(token.kind, token.start, token.end) }
        }
        return commandEnd
    }

    /// The end of the line after `from` that closes a heredoc, or the end of the input.
    private static func delimiterLineEnd(_ input: Input, after from: Int, delimiter: [UInt8], stripTabs: Bool) -> Int {
        var lineStart = from + 1
        while lineStart < input.end {
            let lineEnd = input.lineEnd(from: lineStart)
            let content = stripTabs ? input.skip(tabBytes, from: lineStart) : lineStart
            var contentEnd = lineEnd
            if contentEnd > content, input.bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd - content == delimiter.count && input.hasPrefix(delimiter, at: content) { return lineEnd }
            lineStart = lineEnd + 1
        }
        return input.end
    }

    /// The end of a logical line: a line ending in `\` continues on the next one.
    static func logicalLineEnd(_ input: Input, from start: Int) -> Int {
        var end = input.lineEnd(from: start)
        while end < input.end {
            var last = end - 1
            while last >= start, input.bytes[last] == 0x20 || input.bytes[last] == 0x09 || input.bytes[last] == 0x0D {
                last -= 1
            }
            guard last >= start, input.bytes[last] == UInt8(ascii: "\\") else { break }
            end = input.lineEnd(from: end + 1)
        }
        return end
    }
}
