// Byte sets the matchers below test, made once: made inside a matcher, a set was built
// again, byte by byte, on every call.
private let shellNameBytes = ByteSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789")
private let shellSpecialParameterBytes = ByteSet("0123456789@#?*!$-")
private let shellCommandStartBytes = ByteSet(" \t\n;(&|")
private let shellControlBytes = ByteSet("|&;(`{!")

/// bash, sh, zsh: comments, the three quotings, `$VAR`/`${…}`/`$(…)` (nested through the state
/// stack, so the `)` matching `$(` closes it; `$((…))` is `$(` and a nested `(`), heredocs whose bodies are strings, keywords,
/// builtins, and the command word of each simple command as a function.
extension Grammar {
    private static let bashWord = ByteSet.identifier.union(ByteSet("-./:@+%"))

    static let bash: Grammar = {
        let root = 0, doubleQuoted = 1
        let keywords = WordSet("if then else elif fi for while until do done case esac in function select time coproc")
        let builtins = WordSet(
            """
            echo printf read cd pwd export unset set shift source eval exec exit return trap test local \
            declare typeset readonly alias unalias wait kill true false getopts umask ulimit type hash \
            command builtin let shopt pushd popd dirs jobs bg fg disown mapfile readarray break continue
            """)
        let variableRules: [Rule] = [
            Rule(.lit("$("), .variable, .push(root)),
            Rule(
                .delimited(open: Array("${".utf8), close: Array("}".utf8), escape: false, multiline: false), .variable),
            Rule(.custom(ByteSet("$"), dollarName), .variable),
        ]
        return Grammar(
            identifier: bashWord,
            states: [
                LexState(
                    .plain,
                    [
                        Rule(.pendingBody, .string),
                        Rule(.atLineStart(.toLineEnd(Array("#!".utf8))), .meta),
                        Rule(.custom(ByteSet("#"), shellComment), .comment),
                        Rule(.heredocStart, .operator),
                        Rule(.custom(ByteSet("\\"), backslashEscape), .plain),
                        Rule(
                            .delimited(open: Array("$'".utf8), close: Array("'".utf8), escape: true, multiline: true),
                            .string),
                        Rule(.lit("\""), .string, .push(doubleQuoted)),
                        Rule(.quoted("'", escape: false, multiline: true), .string),
                        Rule(.quoted("`", multiline: true), .string),
                    ] + variableRules + [
                        Rule(.custom(ByteSet.identifierStart, assignmentName), .variable),
                        Rule(.words(keywords), .keyword),
                        Rule(
                            .custom(
                                ByteSet.identifierStart,
                                { input, pos in commandWord(input, pos, builtins: builtins, wantBuiltin: true) }),
                            .builtin),
                        Rule(
                            .custom(
                                ByteSet.identifierStart.union(ByteSet("./~")),
                                { input, pos in commandWord(input, pos, builtins: builtins, wantBuiltin: false) }),
                            .function),
                        Rule(.custom(ByteSet.digits, wholeNumber), .number),
                        Rule(.lit("("), .punctuation, .push(root)),
                        Rule(.lit(")"), .punctuation, .pop),
                        Rule(.run(ByteSet("{}[];")), .punctuation),
                        Rule(.run(ByteSet("&|<>!=")), .operator),
                        Rule(.custom(ByteSet.identifierStart.union(ByteSet("-./~")), wordLength), .plain),
                        Rule(.run(.spaces), .plain),
                    ]),
                LexState(
                    .string,
                    [
                        Rule(.custom(ByteSet("\\"), backslashEscape), .string),
                        Rule(.lit("\""), .string, .pop),
                    ] + variableRules),
            ])
    }()

    /// `$NAME`, `$1`, `$@`, `$?` and the other special parameters.
    private static let dollarName: Matcher = { input, pos in
        let next = input[pos + 1]
        if ByteSet.identifierStart.contains(next) && next < 0x80 {
            return input.skip(shellNameBytes, from: pos + 1)
                - pos
        }
        return shellSpecialParameterBytes.contains(next) ? 2 : 0
    }

    /// `#` starts a comment only at the start of a word (`a#b` and `${#x}` are not comments).
    private static let shellComment: Matcher = { input, pos in
        let previous = pos == input.start ? 0x0A : input.bytes[pos - 1]
        guard shellCommandStartBytes.contains(previous) else { return 0 }
        return input.lineEnd(from: pos) - pos
    }

    /// A backslash and the character it escapes (a quote, a `$`, or the newline of a
    /// continuation), so the escaped byte starts nothing.
    private static let backslashEscape: Matcher = { input, pos in
        pos + 1 < input.end ? 2 : 1
    }

    /// The name in `NAME=value` or `NAME+=value` where a command could start (not the
    /// `key=value` argument of a command).
    private static let assignmentName: Matcher = { input, pos in
        guard pos == input.start || !bashWord.contains(input.bytes[pos - 1]) else { return 0 }
        guard commandPosition(input, pos) || afterDeclaration(input, pos) else { return 0 }
        let end = input.skip(shellNameBytes, from: pos)
        guard end > pos else { return 0 }
        if input[end] == UInt8(ascii: "=") || (input[end] == UInt8(ascii: "+") && input[end + 1] == UInt8(ascii: "=")) {
            return end - pos
        }
        return 0
    }

    private static let declarations = WordSet("export local readonly declare typeset env")

    /// True after `export`, `local`, … (`export NAME=value` assigns too).
    private static func afterDeclaration(_ input: Input, _ pos: Int) -> Bool {
        var wordEnd = pos
        while wordEnd > input.start, input.bytes[wordEnd - 1] == 0x20 || input.bytes[wordEnd - 1] == 0x09 {
            wordEnd -= 1
        }
        var wordStart = wordEnd
        while wordStart > input.start, bashWord.contains(input.bytes[wordStart - 1]) { wordStart -= 1 }
        return wordStart < wordEnd && wordEnd < pos && declarations.contains(input.bytes, wordStart, wordEnd)
    }

    private static let wholeNumber: Matcher = { input, pos in
        guard pos == input.start || !bashWord.contains(input.bytes[pos - 1]) else { return 0 }
        let end = input.skip(.digits, from: pos)
        return bashWord.contains(input[end]) ? 0 : end - pos
    }

    private static let wordLength: Matcher = { input, pos in
        input.skip(bashWord, from: pos) - pos
    }

    private static let commandLeaders = WordSet(
        "then do else elif if while until sudo time exec nohup xargs command builtin")

    /// True when a word at `pos` would be the command of a simple command: first on its line
    /// (a `\` continuation joins lines), or after `|`, `&&`, `;`, `(`, a backtick, or a
    /// keyword that runs a command (`then`, `do`, `sudo`, …) that is itself in command position.
    static func commandPosition(_ input: Input, _ pos: Int) -> Bool {
        var cursor = pos - 1
        var byte: UInt8 = 0
        while true {
            while cursor >= input.start, input.bytes[cursor] == 0x20 || input.bytes[cursor] == 0x09 { cursor -= 1 }
            guard cursor >= input.start else { return true }
            byte = input.bytes[cursor]
            // A `\` continuation joins the lines: look at what ends the previous one.
            guard byte == 0x0A, cursor > input.start, input.bytes[cursor - 1] == UInt8(ascii: "\\") else { break }
            cursor -= 2
        }
        if byte == 0x0A { return true }
        // `arr=(one two)` is an array, not a subshell.
        if byte == UInt8(ascii: "("), cursor > input.start, input.bytes[cursor - 1] == UInt8(ascii: "=") {
            return false
        }
        if shellControlBytes.contains(byte) {
            return !(byte == UInt8(ascii: "{") && cursor > input.start && input.bytes[cursor - 1] == UInt8(ascii: "$"))
        }
        var wordStart = cursor
        while wordStart > input.start && bashWord.contains(input.bytes[wordStart - 1]) { wordStart -= 1 }
        // `sudo docker`, `then make`, but not the `exec` of `docker compose exec app`.
        return commandLeaders.contains(input.bytes, wordStart, cursor + 1) && commandPosition(input, wordStart)
    }

    /// A command word (a builtin when `wantBuiltin`, any other word otherwise) in command position.
    private static func commandWord(_ input: Input, _ pos: Int, builtins: WordSet, wantBuiltin: Bool) -> Int {
        guard pos == input.start || !bashWord.contains(input.bytes[pos - 1]), commandPosition(input, pos) else {
            return 0
        }
        let end = input.skip(bashWord, from: pos)
        guard end > pos, input[end] != UInt8(ascii: "=") else { return 0 }
        return builtins.contains(input.bytes, pos, end) == wantBuiltin ? end - pos : 0
    }
}
