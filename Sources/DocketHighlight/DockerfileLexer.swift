/// Dockerfile: comment lines, then instructions whose arguments run over `\` continuation
/// lines. `RUN`, `CMD` and `ENTRYPOINT` in shell form are lexed as bash (heredocs included);
/// the exec form (`["a", "b"]`) and every other instruction use `Grammar.dockerfileArguments`.
enum DockerfileLexer {
    private static let instructions = WordSet(
        """
        from run cmd label maintainer expose env add copy entrypoint volume user workdir arg \
        onbuild stopsignal healthcheck shell
        """, caseInsensitive: true)
    private static let shellForm = WordSet("run cmd entrypoint", caseInsensitive: true)
    private static let letters = ByteSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static func lex(_ input: Input, into sink: inout TokenSink) {
        var pos = input.start
        while pos < input.end {
            let indentEnd = input.skip(.spaces, from: pos)
            sink.emit(.plain, pos, indentEnd)
            pos = indentEnd
            if input[pos] == UInt8(ascii: "#") {
                let end = input.lineEnd(from: pos)
                sink.emit(.comment, pos, end)
                pos = end
            } else {
                let wordEnd = input.skip(letters, from: pos)
                var argumentsStart = pos
                let isInstruction = wordEnd > pos && instructions.contains(input.bytes, pos, wordEnd)
                if isInstruction {
                    sink.emit(.keyword, pos, wordEnd)
                    argumentsStart = wordEnd
                }
                let end = EmbeddedShell.logicalLineEnd(input, from: argumentsStart)
                let first = input.nextNonSpace(argumentsStart)
                if isInstruction, shellForm.contains(input.bytes, pos, wordEnd), first != UInt8(ascii: "[") {
                    pos = EmbeddedShell.lex(input, from: argumentsStart, to: end, into: &sink)
                } else {
                    var lexer = Lexer(
                        grammar: .dockerfileArguments, input: Input(bytes: input.bytes, start: argumentsStart, end: end)
                    )
                    lexer.run(into: &sink)
                    pos = end
                }
            }
            if pos < input.end {
                sink.emit(.plain, pos, pos + 1)
                pos += 1
            }
        }
    }
}
