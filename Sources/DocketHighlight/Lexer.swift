// Byte sets the matchers below test, made once: made inside a matcher, a set was built
// again, byte by byte, on every call.
private let digitOrUnderscoreBytes = ByteSet("0123456789_")
private let dashDotBytes = ByteSet("-.")
private let blockScalarIndicatorBytes = ByteSet("-+0123456789")
private let tabBytes = ByteSet("\t")
private let blankBytes = ByteSet(" \t\r")

/// Runs a grammar over a range of bytes: at each offset the rules of the current state are tried
/// in order, the first match becomes a token and may push, pop or switch states; when no rule
/// matches, one character takes the state's fallback kind.
struct Lexer {
    let grammar: Grammar
    let input: Input
    private(set) var stack: [Int]
    /// Heredoc and block scalar bodies waiting for the next line.
    private(set) var pending: [PendingBody] = []

    init(grammar: Grammar, input: Input, state: Int = 0) {
        self.grammar = grammar
        self.input = input
        stack = [state]
    }

    /// Lexes the whole range into `sink`.
    mutating func run(into sink: inout TokenSink) {
        var pos = input.start
        let end = input.end
        let bytes = input.bytes
        // The current state's tables, looked up again only when the state changes.
        var stateIndex = stack[stack.count - 1]
        var rules = grammar.unretainedRules[stateIndex]
        var fallback = grammar.states[stateIndex].fallback
        var candidates = grammar.candidates[stateIndex]
        outer: while pos < end {
            let byte = Int(bytes[pos])
            for candidate in Int(candidates.starts[byte])..<Int(candidates.starts[byte + 1]) {
                let index = Int(candidates.rules[candidate])
                let rule = rules[index]
                let length = rule._withUnsafeGuaranteedRef { match($0, at: pos) }
                guard length > 0 else { continue }
                let (kind, action) = rule._withUnsafeGuaranteedRef { ($0.kind, $0.action) }
                sink.emit(kind == .plain ? fallback : kind, pos, pos + length)
                switch action {
                case .stay: break
                case .push(let next): stack.append(next)
                case .pop: if stack.count > 1 { stack.removeLast() }
                case .switchTo(let next): stack[stack.count - 1] = next
                }
                pos += length
                if stack[stack.count - 1] != stateIndex {
                    stateIndex = stack[stack.count - 1]
                    rules = grammar.unretainedRules[stateIndex]
                    fallback = grammar.states[stateIndex].fallback
                    candidates = grammar.candidates[stateIndex]
                }
                continue outer
            }
            // One whole UTF-8 character, so a span never splits a multi-byte scalar.
            var next = pos + 1
            while next < end && bytes[next] & 0xC0 == 0x80 { next += 1 }
            sink.emit(fallback, pos, next)
            pos = next
        }
    }

    @inline(__always)
    private func atWordStart(_ pos: Int) -> Bool {
        pos == input.start || !grammar.identifier.contains(input.bytes[pos - 1])
    }

    /// The end of the identifier starting at `pos`, or `pos` when there is none.
    @inline(__always)
    private func identifierEnd(_ pos: Int) -> Int {
        guard grammar.identifierStart.contains(input[pos]), atWordStart(pos) else { return pos }
        return input.skip(grammar.identifier, from: pos + 1)
    }

    /// A rule's match, its pattern read in place from the rule (a class): passed from the
    /// array element, the pattern was copied for every try (its arrays or closure retained).
    @inline(__always)
    private mutating func match(_ rule: Rule, at pos: Int) -> Int {
        match(rule.pattern, at: pos)
    }

    private mutating func match(_ pattern: Pattern, at pos: Int) -> Int {
        switch pattern {
        case .literal(let bytes):
            return input.hasPrefix(bytes, at: pos) ? bytes.count : 0
        case .words(let words):
            let end = identifierEnd(pos)
            return end > pos && words.contains(input.bytes, pos, end) ? end - pos : 0
        case .identifier:
            return identifierEnd(pos) - pos
        case .call:
            let end = identifierEnd(pos)
            return end > pos && input.nextNonSpace(end) == UInt8(ascii: "(") ? end - pos : 0
        case .capitalized:
            return ByteSet.upper.contains(input[pos]) ? identifierEnd(pos) - pos : 0
        case .number:
            return numberLength(at: pos)
        case .toLineEnd(let prefix):
            return input.hasPrefix(prefix, at: pos) ? input.lineEnd(from: pos) - pos : 0
        case .delimited(let open, let close, let escape, let multiline):
            guard input.hasPrefix(open, at: pos) else { return 0 }
            var cursor = pos + open.count
            while cursor < input.end {
                let byte = input.bytes[cursor]
                if escape && byte == UInt8(ascii: "\\") {
                    cursor += 2
                    continue
                }
                if byte == close[0] && input.hasPrefix(close, at: cursor) { return cursor + close.count - pos }
                if byte == 0x0A && !multiline { return cursor - pos }
                cursor += 1
            }
            return min(cursor, input.end) - pos
        case .run(let set):
            return input.skip(set, from: pos) - pos
        case .atLineStart(let inner):
            return input.atLineStart(pos) ? match(inner, at: pos) : 0
        case .afterIndent(let inner):
            return input.afterIndent(pos) ? match(inner, at: pos) : 0
        case .custom(_, let matcher):
            return matcher(input, pos)
        case .heredocStart:
            return heredocStart(at: pos)
        case .blockScalarStart:
            return blockScalarStart(at: pos)
        case .pendingBody:
            return pendingBody(at: pos)
        }
    }

    private func numberLength(at pos: Int) -> Int {
        let first = input[pos]
        // Not the digits after a dot (`v1.5`, `x.0`), but a range's end (`0..10`) is a number.
        guard atWordStart(pos), input[pos - 1] != UInt8(ascii: ".") || input[pos - 2] == UInt8(ascii: ".") else {
            return 0
        }
        var cursor = pos
        if first == UInt8(ascii: ".") {
            guard ByteSet.digits.contains(input[pos + 1]) else { return 0 }
        } else if !ByteSet.digits.contains(first) {
            return 0
        }
        let second = input[pos + 1] | 0x20
        if first == UInt8(ascii: "0"),
            second == UInt8(ascii: "x") || second == UInt8(ascii: "o") || second == UInt8(ascii: "b")
        {
            return input.skip(grammar.identifier, from: pos + 2) - pos
        }
        let digits = digitOrUnderscoreBytes
        cursor = input.skip(digits, from: cursor)
        // A fraction, but not a range (`1..5`) or a member access (`1.max`).
        if input[cursor] == UInt8(ascii: "."), ByteSet.digits.contains(input[cursor + 1]) {
            cursor = input.skip(digits, from: cursor + 1)
        }
        if input[cursor] | 0x20 == UInt8(ascii: "e") {
            var exponent = cursor + 1
            if input[exponent] == UInt8(ascii: "+") || input[exponent] == UInt8(ascii: "-") { exponent += 1 }
            if ByteSet.digits.contains(input[exponent]) { cursor = input.skip(digits, from: exponent) }
        }
        // Suffixes: `10u8`, `1n`, `2.5f`, `10m`.
        return input.skip(grammar.identifier, from: cursor) - pos
    }

    private mutating func heredocStart(at pos: Int) -> Int {
        guard input[pos + 1] == UInt8(ascii: "<"), input[pos + 2] != UInt8(ascii: "<") else { return 0 }
        var cursor = pos + 2
        let stripTabs = input[cursor] == UInt8(ascii: "-")
        if stripTabs { cursor += 1 }
        cursor = input.skip(.spaces, from: cursor)
        let quote = input[cursor]
        let quoted = quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")
        if quoted { cursor += 1 }
        let wordStart = cursor
        cursor = input.skip(ByteSet.identifier.union(dashDotBytes), from: cursor)
        guard cursor > wordStart else { return 0 }
        let delimiter = Array(input.bytes[wordStart..<cursor])
        if quoted {
            guard input[cursor] == quote else { return 0 }
            cursor += 1
        }
        pending.append(.heredoc(delimiter: delimiter, stripTabs: stripTabs))
        return cursor - pos
    }

    private mutating func blockScalarStart(at pos: Int) -> Int {
        let previous = input.previousOnLine(pos)
        guard previous == UInt8(ascii: ":") || previous == UInt8(ascii: "-") || previous == 0x0A else { return 0 }
        let end = input.skip(blockScalarIndicatorBytes, from: pos + 1)
        let after = input.nextNonSpace(end)
        guard after == 0 || after == 0x0A || after == 0x0D || after == UInt8(ascii: "#") else { return 0 }
        let lineStart = input.lineStart(of: pos)
        pending.append(.indented(indent: input.skip(.spaces, from: lineStart) - lineStart))
        return end - pos
    }

    private mutating func pendingBody(at pos: Int) -> Int {
        guard !pending.isEmpty, input.atLineStart(pos), pos > input.start else { return 0 }
        let body = pending.removeFirst()
        var lineStart = pos
        switch body {
        case .heredoc(let delimiter, let stripTabs):
            while lineStart < input.end {
                let lineEnd = input.lineEnd(from: lineStart)
                let content = stripTabs ? input.skip(tabBytes, from: lineStart) : lineStart
                var contentEnd = lineEnd
                if contentEnd > content, input.bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if contentEnd - content == delimiter.count && input.hasPrefix(delimiter, at: content) {
                    return lineEnd - pos
                }
                lineStart = lineEnd + 1
            }
            return input.end - pos
        case .indented(let indent):
            var bodyEnd = pos
            while lineStart < input.end {
                let lineEnd = input.lineEnd(from: lineStart)
                let contentStart = input.skip(blankBytes, from: lineStart)
                if contentStart < lineEnd {
                    guard contentStart - lineStart > indent else { break }
                    bodyEnd = lineEnd
                }
                lineStart = lineEnd + 1
            }
            return bodyEnd - pos
        }
    }
}
