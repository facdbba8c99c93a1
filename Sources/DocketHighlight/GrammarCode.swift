/// The shared shape of the C-family and scripting languages: comments, words in classes
/// (keyword, constant, type, builtin), the name after a definition keyword (`func NAME`,
/// `class NAME`), calls, capitalised types, `.member` properties, numbers and symbols. Each
/// language adds its own string and special rules in front (`leading`) and extra states.
extension Grammar {
    /// The word classes and switches of one language.
    struct CodeWords {
        var keywords: WordSet
        var constants = WordSet("")
        var types = WordSet("")
        var builtins = WordSet("")
        var variables = WordSet("")
        /// Words after which the next identifier names a function (`def`, `fn`, `func`).
        var functionDefiners = WordSet("")
        /// Words after which the next identifier names a type (`class`, `struct`, `message`).
        var typeDefiners = WordSet("")
        var lineComments: [String] = ["//"]
        var blockComment: (open: String, close: String, nests: Bool)? = ("/*", "*/", false)
        var capitalizedTypes = true
        /// Only `name(` with no space is a call: in SQL `INSERT INTO pages (id)` names a table.
        var adjacentCalls = false
        var properties = true
        /// An open/close pair that pushes and pops the start state, so an interpolation that
        /// started in a string state (`${`, `\(`) returns to it at its matching close.
        var nesting: (open: String, close: String)? = nil
    }

    static func code(
        _ words: CodeWords, identifier: ByteSet = .identifier, leading: [Rule], extraStates: [LexState] = []
    ) -> Grammar {
        var rules = leading
        for prefix in words.lineComments { rules.append(Rule(.toLineEnd(Array(prefix.utf8)), .comment)) }
        if let block = words.blockComment {
            if block.nests {
                rules.append(
                    Rule(
                        .custom(
                            ByteSet(block.open.utf8.first!...block.open.utf8.first!),
                            nestedComment(open: Array(block.open.utf8), close: Array(block.close.utf8))), .comment))
            } else {
                rules.append(
                    Rule(
                        .delimited(
                            open: Array(block.open.utf8), close: Array(block.close.utf8), escape: false, multiline: true
                        ), .comment))
            }
        }
        let functionDefiners = words.functionDefiners, typeDefiners = words.typeDefiners
        if words.properties {
            // A member after `.` is a method or a property even when it spells a keyword
            // (`map.get(…)`, `x.default`).
            let member: Matcher = { input, pos in
                guard pos > input.start, input[pos - 1] == UInt8(ascii: "."), input[pos - 2] != UInt8(ascii: ".") else {
                    return 0
                }
                return input.skip(identifier, from: pos) - pos
            }
            rules.append(
                Rule(
                    .custom(
                        .identifierStart,
                        { input, pos in
                            let length = member(input, pos)
                            return length > 0 && input.nextNonSpace(pos + length) == UInt8(ascii: "(") ? length : 0
                        }), .function))
            rules.append(Rule(.custom(.identifierStart, member), .property))
        }
        rules += [
            Rule(
                .custom(
                    .identifierStart,
                    { input, pos in nameAfter(input, pos, definers: functionDefiners, identifier: identifier) }),
                .function),
            Rule(
                .custom(
                    .identifierStart,
                    { input, pos in nameAfter(input, pos, definers: typeDefiners, identifier: identifier) }), .type),
            Rule(.words(words.keywords), .keyword),
            Rule(.words(words.constants), .constant),
            Rule(.words(words.variables), .variable),
            Rule(.words(words.types), .type),
            Rule(.words(words.builtins), .builtin),
            words.adjacentCalls
                ? Rule(
                    .custom(
                        .identifierStart,
                        { input, pos in
                            guard pos == input.start || !identifier.contains(input.bytes[pos - 1]) else { return 0 }
                            let end = input.skip(identifier, from: pos)
                            return input[end] == UInt8(ascii: "(") ? end - pos : 0
                        }), .function)
                : Rule(.call, .function),
        ]
        if words.capitalizedTypes {
            // `MAX_SIZE`, `API`: all capitals (two or more) reads as a constant, `Page` as a type.
            rules.append(
                Rule(
                    .custom(
                        .upper,
                        { input, pos in
                            guard pos == input.start || !identifier.contains(input.bytes[pos - 1]) else { return 0 }
                            let end = input.skip(ByteSet("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"), from: pos)
                            return end - pos >= 2 && !identifier.contains(input[end]) ? end - pos : 0
                        }), .constant))
            rules.append(Rule(.capitalized, .type))
        }
        rules.append(Rule(.number, .number))
        var punctuation = ".,;()[]{}"
        if let nesting = words.nesting {
            // Out of the run, so each nesting byte is its own token and pushes or pops.
            punctuation.removeAll { nesting.open.contains($0) || nesting.close.contains($0) }
            rules.append(Rule(.lit(nesting.open), .punctuation, .push(0)))
            rules.append(Rule(.lit(nesting.close), .punctuation, .pop))
        }
        rules += [
            Rule(.run(ByteSet("+-*/%=<>!&|^~?:")), .operator),
            Rule(.run(ByteSet(string: punctuation)), .punctuation),
            Rule(.identifier, .plain),
            Rule(.run(.whitespace), .plain),
        ]
        return Grammar(identifier: identifier, states: [LexState(.plain, rules)] + extraStates)
    }

    /// The identifier at `pos` when the word before it (same line) is one of `definers`.
    private static func nameAfter(_ input: Input, _ pos: Int, definers: WordSet, identifier: ByteSet) -> Int {
        guard pos > input.start, input.bytes[pos - 1] == 0x20 || input.bytes[pos - 1] == 0x09 else { return 0 }
        var wordEnd = pos - 1
        while wordEnd > input.start, input.bytes[wordEnd - 1] == 0x20 || input.bytes[wordEnd - 1] == 0x09 {
            wordEnd -= 1
        }
        var wordStart = wordEnd
        while wordStart > input.start, identifier.contains(input.bytes[wordStart - 1]) { wordStart -= 1 }
        guard wordStart < wordEnd, definers.contains(input.bytes, wordStart, wordEnd) else { return 0 }
        return input.skip(identifier, from: pos) - pos
    }

    /// A block comment whose inner openers nest (Swift, Rust).
    static func nestedComment(open: [UInt8], close: [UInt8]) -> Matcher {
        { input, pos in
            guard input.hasPrefix(open, at: pos) else { return 0 }
            var depth = 1
            var cursor = pos + open.count
            while cursor < input.end {
                if input.hasPrefix(close, at: cursor) {
                    depth -= 1
                    cursor += close.count
                    if depth == 0 { return cursor - pos }
                } else if input.hasPrefix(open, at: cursor) {
                    depth += 1
                    cursor += open.count
                } else {
                    cursor += 1
                }
            }
            return input.end - pos
        }
    }
}
