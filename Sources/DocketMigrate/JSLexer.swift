/// Splits the text of a config file into tokens. Comments (`/** @type … */` included) are
/// skipped; nothing is evaluated.
struct JSLexer {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    private var previous: JSToken.Kind?

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// All tokens, ending with `.end`.
    static func tokens(_ text: String) throws(JSSyntaxError) -> [JSToken] {
        var lexer = JSLexer(text)
        var out: [JSToken] = []
        while true {
            let token = try lexer.next()
            out.append(token)
            if token.kind == .end { return out }
        }
    }

    private static let punctuators = [
        "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "**", "<<",
        ">>",
    ]

    private var column: Int { offset - lineStart + 1 }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    private mutating func advance() {
        if bytes[offset] == UInt8(ascii: "\n") {
            line += 1
            lineStart = offset + 1
        }
        offset += 1
    }

    private func error(_ message: String, line: Int? = nil, column: Int? = nil) -> JSSyntaxError {
        JSSyntaxError(line: line ?? self.line, column: column ?? self.column, message: message)
    }

    /// Skips blanks and comments; true when a line break was among them.
    private mutating func skipTrivia() throws(JSSyntaxError) -> Bool {
        var newline = false
        while let c = peek() {
            if c == UInt8(ascii: "\n") {
                newline = true; advance()
            } else if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C {
                advance()
            } else if c == 0xEF, peek(1) == 0xBB, peek(2) == 0xBF {
                offset += 3
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while let d = peek(), d != UInt8(ascii: "\n") { advance() }
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let (l, col) = (line, column)
                advance(); advance()
                while true {
                    guard let d = peek() else {
                        throw error("this comment is never closed (no */)", line: l, column: col)
                    }
                    if d == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") { advance(); advance(); break }
                    if d == UInt8(ascii: "\n") { newline = true }
                    advance()
                }
            } else if c == UInt8(ascii: "#"), offset == 0, peek(1) == UInt8(ascii: "!") {
                while let d = peek(), d != UInt8(ascii: "\n") { advance() }
            } else {
                break
            }
        }
        return newline
    }

    mutating func next() throws(JSSyntaxError) -> JSToken {
        let newline = try skipTrivia()
        let (startLine, startColumn, start) = (line, column, offset)
        func token(_ kind: JSToken.Kind) -> JSToken {
            JSToken(kind: kind, line: startLine, column: startColumn, start: start, end: offset, newlineBefore: newline)
        }
        guard let c = peek() else {
            return token(.end)
        }
        let kind: JSToken.Kind
        if Self.isIdentifierStart(c) {
            while let d = peek(), Self.isIdentifierStart(d) || Self.isDigit(d) { advance() }
            kind = .identifier(String(decoding: bytes[start..<offset], as: UTF8.self))
        } else if Self.isDigit(c) || (c == UInt8(ascii: ".") && peek(1).map(Self.isDigit) == true) {
            while let d = peek(),
                Self.isDigit(d) || Self.isIdentifierStart(d) || d == UInt8(ascii: ".")
                    || ((d == UInt8(ascii: "+") || d == UInt8(ascii: "-"))
                        && (bytes[offset - 1] | 0x20) == UInt8(ascii: "e")
                        && !String(decoding: bytes[start..<offset], as: UTF8.self).lowercased().hasPrefix("0x"))
            { advance() }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self).replacingOccurrences(of: "_", with: "")
            if text.lowercased().hasPrefix("0x"), let n = Int(text.dropFirst(2), radix: 16) {
                kind = .number(Double(n))
            } else {
                kind = .number(Double(text) ?? .nan)
            }
        } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
            kind = .string(try quoted(c))
        } else if c == UInt8(ascii: "`") {
            kind = try template()
        } else if c == UInt8(ascii: "/"), regexAllowed {
            try regex()
            kind = .regex
        } else {
            var matched: String?
            for p in Self.punctuators where matchesAhead(p) {
                matched = p
                break
            }
            let p = matched ?? String(UnicodeScalar(c))
            for _ in 0..<p.utf8.count { advance() }
            kind = .punctuator(p)
        }
        previous = kind
        return token(kind)
    }

    private func matchesAhead(_ p: String) -> Bool {
        var i = 0
        for b in p.utf8 {
            guard peek(i) == b else { return false }
            i += 1
        }
        return true
    }

    /// A `/` starts a regular expression where a value is expected, and divides after one.
    private var regexAllowed: Bool {
        switch previous {
        case nil: return true
        case .punctuator(let p)?: return ![")", "]", "}"].contains(p)
        case .identifier(let name)?:
            return ["return", "typeof", "case", "in", "of", "new", "delete", "void", "throw"].contains(name)
        default: return false
        }
    }

    private static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == UInt8(ascii: "_") || c == UInt8(ascii: "$")
            || c >= 0x80
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private mutating func quoted(_ quote: UInt8) throws(JSSyntaxError) -> String {
        let (l, col) = (line, column)
        advance()
        var out: [UInt8] = []
        while true {
            guard let c = peek(), c != UInt8(ascii: "\n") else {
                throw error("this string is never closed", line: l, column: col)
            }
            advance()
            if c == quote { break }
            if c == UInt8(ascii: "\\") { try escape(into: &out) } else { out.append(c) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func escape(into out: inout [UInt8]) throws(JSSyntaxError) {
        guard let c = peek() else { throw error("a backslash ends the file") }
        advance()
        switch c {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "v"): out.append(0x0B)
        case UInt8(ascii: "0"): out.append(0x00)
        case UInt8(ascii: "\n"): break
        case UInt8(ascii: "x"):
            let hex = String(decoding: bytes[offset..<min(offset + 2, bytes.count)], as: UTF8.self)
            guard let v = UInt32(hex, radix: 16), let scalar = UnicodeScalar(v) else { throw error("a bad \\x escape") }
            advance(); advance()
            out += Array(String(Character(scalar)).utf8)
        case UInt8(ascii: "u"):
            var hex: String
            if peek() == UInt8(ascii: "{") {
                advance()
                var digits: [UInt8] = []
                while let d = peek(), d != UInt8(ascii: "}") { digits.append(d); advance() }
                if peek() != nil { advance() }
                hex = String(decoding: digits, as: UTF8.self)
            } else {
                hex = String(decoding: bytes[offset..<min(offset + 4, bytes.count)], as: UTF8.self)
                for _ in 0..<hex.utf8.count { advance() }
            }
            guard let v = UInt32(hex, radix: 16) else { throw error("a bad \\u escape") }
            // A lone surrogate half cannot be text: write the replacement character.
            out += Array(String(Character(UnicodeScalar(v) ?? "\u{FFFD}")).utf8)
        default: out.append(c)
        }
    }

    private mutating func template() throws(JSSyntaxError) -> JSToken.Kind {
        let (l, col) = (line, column)
        advance()
        var out: [UInt8] = []
        var substituted = false
        while true {
            guard let c = peek() else { throw error("this template literal is never closed", line: l, column: col) }
            advance()
            if c == UInt8(ascii: "`") { break }
            if c == UInt8(ascii: "\\") { try escape(into: &out); continue }
            if c == UInt8(ascii: "$"), peek() == UInt8(ascii: "{") {
                substituted = true
                advance()
                previous = .punctuator("{")
                var depth = 1
                while depth > 0 {
                    let inner = try next()
                    switch inner.kind {
                    case .end: throw error("this template literal's ${ is never closed", line: l, column: col)
                    case .punctuator("{"): depth += 1
                    case .punctuator("}"): depth -= 1
                    default: break
                    }
                }
                continue
            }
            out.append(c)
        }
        return .template(String(decoding: out, as: UTF8.self), substituted: substituted)
    }

    private mutating func regex() throws(JSSyntaxError) {
        let (l, col) = (line, column)
        advance()
        var inClass = false
        while true {
            guard let c = peek(), c != UInt8(ascii: "\n") else {
                throw error("this regular expression is never closed", line: l, column: col)
            }
            advance()
            if c == UInt8(ascii: "\\") { if peek() != nil { advance() }; continue }
            if c == UInt8(ascii: "[") { inClass = true }
            if c == UInt8(ascii: "]") { inClass = false }
            if c == UInt8(ascii: "/"), !inClass { break }
        }
        while let d = peek(), Self.isIdentifierStart(d) { advance() }
    }
}
