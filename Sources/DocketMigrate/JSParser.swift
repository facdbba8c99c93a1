import Foundation

/// A tolerant reader of the data subset of JavaScript and TypeScript that config files use.
/// Literals become `JSNode`s; anything else is skipped over (balanced) and kept as an
/// `untranslatable` node at its position, so one function never hides the rest of the file.
struct JSParser {
    private let tokens: [JSToken]
    private let text: [UInt8]
    private var index = 0
    /// `const name = value` bindings seen so far, for `module.exports = config` and shorthand keys.
    private var bindings: [String: JSNode] = [:]

    init(tokens: [JSToken], text: [UInt8]) {
        self.tokens = tokens
        self.text = text
    }

    private var current: JSToken { tokens[index] }
    private func peek(_ ahead: Int) -> JSToken { tokens[min(index + ahead, tokens.count - 1)] }
    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private static let statementStarts: Set<String> = [
        "const", "let", "var", "module", "export", "import", "function", "async", "class", "exports",
    ]

    mutating func program() throws(JSSyntaxError) -> JSNode? {
        var exported: JSNode?
        while current.kind != .end {
            if current.isPunctuator(";") { advance(); continue }
            switch current.identifier {
            case "import" where !peek(1).isPunctuator("(") && !peek(1).isPunctuator("."):
                skipImport()
            case "export":
                advance()
                if current.isIdentifier("default") {
                    advance()
                    exported = try expression()
                } else if let word = current.identifier, ["const", "let", "var"].contains(word) {
                    try declaration()
                } else {
                    try skipStatement()
                }
            case "const", "let", "var":
                try declaration()
            case "module"
            where peek(1).isPunctuator(".") && peek(2).isIdentifier("exports") && peek(3).isPunctuator("="):
                advance(); advance(); advance(); advance()
                exported = try expression()
            default:
                try skipStatement()
            }
        }
        return exported
    }

    /// `import x from 'y'`, `import type {A} from 'y'`, `import 'y'`.
    private mutating func skipImport() {
        advance()
        while current.kind != .end {
            if case .string = current.kind {
                advance()
                break
            }
            advance()
        }
        if current.isPunctuator(";") { advance() }
    }

    private mutating func declaration() throws(JSSyntaxError) {
        advance()
        while true {
            guard let name = current.identifier else {
                // A destructuring pattern: `const {themes} = require(…)`. Nothing to bind.
                if current.isPunctuator("{") || current.isPunctuator("[") { try skipBalanced() }
                if current.isPunctuator("=") {
                    advance()
                    _ = try expression()
                }
                break
            }
            advance()
            if current.isPunctuator(":") {
                // A TypeScript annotation: skip to the `=`.
                advance()
                try skipUntil { $0.isPunctuator("=") || $0.isPunctuator(";") || $0.isPunctuator(",") }
            }
            if current.isPunctuator("=") {
                advance()
                bindings[name] = try expression()
            }
            guard current.isPunctuator(",") else { break }
            advance()
        }
        if current.isPunctuator(";") { advance() }
    }

    /// Skips one statement of a kind the parser does not read: up to a `;` at depth 0, a block's
    /// closing brace followed by a new line, or a new line that starts another declaration.
    private mutating func skipStatement() throws(JSSyntaxError) {
        let start = index
        while current.kind != .end {
            if current.isPunctuator(";") { advance(); return }
            if index > start, current.newlineBefore, let word = current.identifier, Self.statementStarts.contains(word)
            {
                return
            }
            if isOpening(current) {
                try skipBalanced()
                if current.newlineBefore, tokens[index - 1].isPunctuator("}") { return }
                continue
            }
            advance()
        }
    }

    private func isOpening(_ token: JSToken) -> Bool {
        token.isPunctuator("{") || token.isPunctuator("[") || token.isPunctuator("(")
    }

    private func isClosing(_ token: JSToken) -> Bool {
        token.isPunctuator("}") || token.isPunctuator("]") || token.isPunctuator(")")
    }

    /// Skips from an opening bracket past its matching closing one.
    private mutating func skipBalanced() throws(JSSyntaxError) {
        let open = current
        var stack: [String] = []
        repeat {
            if case .punctuator(let p) = current.kind {
                switch p {
                case "{": stack.append("}")
                case "[": stack.append("]")
                case "(": stack.append(")")
                case "}", "]", ")":
                    guard stack.last == p else {
                        throw JSSyntaxError(
                            line: current.line, column: current.column,
                            message: "'\(p)' does not match the '\(Self.opener(stack.last))' at line \(open.line)")
                    }
                    stack.removeLast()
                default: break
                }
            }
            if current.kind == .end {
                throw JSSyntaxError(line: open.line, column: open.column, message: "this bracket is never closed")
            }
            advance()
        } while !stack.isEmpty
    }

    private static func opener(_ closer: String?) -> String {
        switch closer {
        case "}": return "{"
        case "]": return "["
        case ")": return "("
        default: return "?"
        }
    }

    /// Skips balanced tokens until `stop` holds at depth 0 (or a closing bracket of an outer level).
    private mutating func skipUntil(_ stop: (JSToken) -> Bool) throws(JSSyntaxError) {
        while current.kind != .end, !stop(current), !isClosing(current) {
            if isOpening(current) { try skipBalanced() } else { advance() }
        }
    }

    private func endsExpression(_ token: JSToken) -> Bool {
        token.kind == .end || token.isPunctuator(",") || token.isPunctuator(";") || isClosing(token)
    }

    /// One value. Literal data is read; anything else is skipped and described.
    private mutating func expression() throws(JSSyntaxError) -> JSNode {
        let start = index
        if let literal = try literal() {
            skipTypeSuffix()
            if endsExpression(current) || endsByNewline(after: start) { return literal }
        }
        // Not a plain literal: skip the whole expression, then say what it was.
        index = start
        var sawArrow = false
        while !endsExpression(current), !endsByNewline(after: start) {
            if current.isPunctuator("=>") { sawArrow = true }
            if isOpening(current) { try skipBalanced() } else { advance() }
        }
        let first = tokens[start]
        let what: String
        if sawArrow {
            what = "an arrow function"
        } else if first.isIdentifier("function")
            || (first.isIdentifier("async") && tokens[start + 1].isIdentifier("function"))
        {
            what = "a function"
        } else if first.isIdentifier("async") {
            what = "an async function"
        } else if case .template = first.kind {
            what = "a template literal with ${…} substitutions"
        } else {
            what = "the expression `\(snippet(from: start))`"
        }
        return JSNode(.untranslatable(what), line: first.line, column: first.column)
    }

    /// A statement keyword on a new line ends an expression that had no semicolon.
    private func endsByNewline(after start: Int) -> Bool {
        index > start && current.newlineBefore
            && (current.identifier.map { Self.statementStarts.contains($0) && $0 != "async" } ?? false)
    }

    /// `satisfies Config`, `as const`, `as Preset.Options`.
    private mutating func skipTypeSuffix() {
        while current.isIdentifier("satisfies") || current.isIdentifier("as") {
            advance()
            var angle = 0
            while current.kind != .end {
                if current.isPunctuator("<") {
                    angle += 1
                } else if current.isPunctuator(">") {
                    angle -= 1
                } else if angle == 0,
                    endsExpression(current)
                        || current.newlineBefore && index > 0 && !tokens[index - 1].isPunctuator(".")
                            && tokens[index - 1].identifier != nil && current.identifier != nil
                {
                    break
                }
                advance()
            }
        }
    }

    private func snippet(from start: Int) -> String {
        let from = tokens[start].start
        let to = max(from, tokens[max(start, index - 1)].end)
        var text = String(decoding: text[from..<to], as: UTF8.self)
        text = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return text.count > 50 ? String(text.prefix(47)) + "…" : text
    }

    /// A literal, a `require` call or a bound name, or nil (the caller then skips the expression).
    private mutating func literal() throws(JSSyntaxError) -> JSNode? {
        let token = current
        func node(_ kind: JSNode.Kind) -> JSNode { JSNode(kind, line: token.line, column: token.column) }
        switch token.kind {
        case .string(let s):
            advance()
            return node(.string(s))
        case .template(let s, let substituted):
            guard !substituted else { return nil }
            advance()
            return node(.string(s))
        case .number(let n):
            advance()
            return node(.number(n))
        case .punctuator("-"):
            guard case .number(let n) = peek(1).kind else { return nil }
            advance(); advance()
            return node(.number(-n))
        case .punctuator("("):
            // `({…})`, as the classic template wraps its typed options: the value inside.
            advance()
            guard let inner = try literal() else { return nil }
            skipTypeSuffix()
            guard current.isPunctuator(")") else { return nil }
            advance()
            return inner
        case .punctuator("{"):
            return try object()
        case .punctuator("["):
            return try array()
        case .identifier(let name):
            switch name {
            case "true", "false":
                advance()
                return node(.bool(name == "true"))
            case "null", "undefined":
                advance()
                return node(.null)
            case "require":
                var callee = "require"
                advance()
                if current.isPunctuator("."), peek(1).isIdentifier("resolve") {
                    advance(); advance()
                    callee = "require.resolve"
                }
                guard current.isPunctuator("(") else { return nil }
                advance()
                var arguments: [JSNode] = []
                while !current.isPunctuator(")"), current.kind != .end {
                    arguments.append(try expression())
                    if current.isPunctuator(",") { advance() } else { break }
                }
                guard current.isPunctuator(")") else { return nil }
                advance()
                return node(.call(callee: callee, arguments: arguments))
            default:
                guard
                    peek(1).kind == .end || endsExpression(peek(1)) || peek(1).isIdentifier("satisfies")
                        || peek(1).isIdentifier("as")
                        || (peek(1).newlineBefore && peek(1).identifier.map(Self.statementStarts.contains) == true)
                else { return nil }
                advance()
                if var bound = bindings[name] {
                    // The value as written at its declaration; a reference keeps where it was used
                    // only for what cannot be translated, whose message names the variable.
                    if case .untranslatable(let what) = bound.kind {
                        bound = JSNode(
                            .untranslatable("`\(name)`, which is \(what)"), line: token.line, column: token.column)
                    }
                    return bound
                }
                return node(.untranslatable("the variable `\(name)`, defined outside this file or not as a literal"))
            }
        default:
            return nil
        }
    }

    private mutating func object() throws(JSSyntaxError) -> JSNode {
        let open = current
        advance()
        var properties: [JSProperty] = []
        while !current.isPunctuator("}") {
            guard current.kind != .end else {
                throw JSSyntaxError(line: open.line, column: open.column, message: "this object is never closed (no })")
            }
            let keyToken = current
            if current.isPunctuator("...") {
                advance()
                let value = try expression()
                properties.append(
                    JSProperty(
                        key: nil, line: keyToken.line, column: keyToken.column,
                        value: JSNode(
                            .untranslatable("a spread of \(value.description)"), line: keyToken.line,
                            column: keyToken.column)))
            } else {
                var key: String?
                var isAccessor = false
                if let word = current.identifier, ["get", "set", "async"].contains(word),
                    peek(1).identifier != nil
                        || {
                            if case .string = peek(1).kind { return true }; return false
                        }()
                {
                    isAccessor = true
                    advance()
                }
                switch current.kind {
                case .identifier(let name): key = name; advance()
                case .string(let s): key = s; advance()
                case .number(let n): key = n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n); advance()
                case .punctuator("["): try skipBalanced()
                default:
                    throw JSSyntaxError(
                        line: current.line, column: current.column, message: "expected a key in this object")
                }
                let value: JSNode
                if current.isPunctuator(":") && !isAccessor {
                    advance()
                    value = try expression()
                } else if current.isPunctuator("(") || current.isPunctuator("<") {
                    try skipUntil { $0.isPunctuator("{") }
                    if current.isPunctuator("{") { try skipBalanced() }
                    value = JSNode(.untranslatable("a method"), line: keyToken.line, column: keyToken.column)
                } else if let key, current.isPunctuator(",") || current.isPunctuator("}") {
                    value =
                        bindings[key]
                        ?? JSNode(
                            .untranslatable("the variable `\(key)`, defined outside this file or not as a literal"),
                            line: keyToken.line, column: keyToken.column)
                } else {
                    throw JSSyntaxError(
                        line: current.line, column: current.column, message: "expected ':' after this object key")
                }
                properties.append(JSProperty(key: key, line: keyToken.line, column: keyToken.column, value: value))
            }
            if current.isPunctuator(",") {
                advance()
            } else if !current.isPunctuator("}") {
                throw JSSyntaxError(
                    line: current.line, column: current.column, message: "expected ',' or '}' in this object")
            }
        }
        advance()
        return JSNode(.object(properties), line: open.line, column: open.column)
    }

    private mutating func array() throws(JSSyntaxError) -> JSNode {
        let open = current
        advance()
        var items: [JSNode] = []
        while !current.isPunctuator("]") {
            guard current.kind != .end else {
                throw JSSyntaxError(line: open.line, column: open.column, message: "this list is never closed (no ])")
            }
            if current.isPunctuator(",") { advance(); continue }
            if current.isPunctuator("...") {
                let spread = current
                advance()
                let value = try expression()
                items.append(
                    JSNode(
                        .untranslatable("a spread of \(value.description)"), line: spread.line, column: spread.column))
            } else {
                items.append(try expression())
            }
            if current.isPunctuator(",") {
                advance()
            } else if !current.isPunctuator("]") {
                throw JSSyntaxError(
                    line: current.line, column: current.column, message: "expected ',' or ']' in this list")
            }
        }
        advance()
        return JSNode(.array(items), line: open.line, column: open.column)
    }
}
