// Byte sets the matchers below test, made once: made inside a matcher, a set was built
// again, byte by byte, on every call.
private let promptMarkBytes = ByteSet("@:~")

/// `console` / `shell-session`: a line that starts with a prompt (`$ `, `# `, `% `,
/// `user@host:~$ `, `[user@host dir]# `, optionally after `(venv) `) is a command, lexed as bash
/// together with its `\` continuation lines and heredoc bodies; every other line is output.
enum ConsoleLexer {
    static func lex(_ input: Input, into sink: inout TokenSink) {
        var pos = input.start
        while pos < input.end {
            let promptLength = prompt(input, at: pos)
            if promptLength > 0 {
                sink.emit(.prompt, pos, pos + promptLength)
                let start = pos + promptLength
                let end = EmbeddedShell.lex(
                    input, from: start, to: EmbeddedShell.logicalLineEnd(input, from: start), into: &sink)
                pos = end
            } else {
                let end = input.lineEnd(from: pos)
                sink.emit(.output, pos, end)
                pos = end
            }
            if pos < input.end {
                sink.emit(.plain, pos, pos + 1)
                pos += 1
            }
        }
    }

    private static let promptMarks = ByteSet("$#%")

    /// The length of the prompt at the start of the line at `pos` (its trailing space included),
    /// or 0 when the line is output.
    static func prompt(_ input: Input, at pos: Int) -> Int {
        let lineEnd = input.lineEnd(from: pos)
        var cursor = pos
        // A virtualenv or conda marker: `(venv) $ `.
        if input[cursor] == UInt8(ascii: "(") {
            var close = cursor + 1
            while close < lineEnd && input.bytes[close] != UInt8(ascii: ")") { close += 1 }
            guard close < lineEnd, input[close + 1] == 0x20 else { return 0 }
            cursor = close + 2
        }
        if input[cursor] == UInt8(ascii: "[") {
            var close = cursor + 1
            while close < lineEnd && input.bytes[close] != UInt8(ascii: "]") { close += 1 }
            guard close < lineEnd else { return 0 }
            cursor = close + 1
        } else {
            var word = cursor
            while word < lineEnd && input.bytes[word] != 0x20 && input.bytes[word] != 0x09 { word += 1 }
            let length = word - cursor
            if length > 1 {
                // `user@host:~/dir$`: the mark ends a word that names a user, host or path.
                guard promptMarks.contains(input.bytes[word - 1]) else { return 0 }
                var named = false
                for index in cursor..<(word - 1) where promptMarkBytes.contains(input.bytes[index]) { named = true }
                guard named else { return 0 }
                cursor = word - 1
            }
        }
        guard promptMarks.contains(input[cursor]) else { return 0 }
        cursor += 1
        if cursor == lineEnd || input[cursor] == 0x0D { return cursor - pos }
        guard input[cursor] == 0x20 else { return 0 }
        return cursor + 1 - pos
    }
}
