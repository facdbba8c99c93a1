/// Syntax highlighting at build time: code in, tokens or escaped HTML out, no JavaScript on the
/// page. Each language is a small table-driven lexer (`Grammar`: ordered rules per state) or a
/// line driver that hands parts of a line to one (console sessions, Dockerfiles).
///
/// The HTML is `<span class="tok-KIND">` around every non-plain token (see `TokenKind` for the
/// classes), with `&`, `<`, `>` and `"` escaped; plain text is escaped and unwrapped.
public enum Highlighter {
    /// The tokens of `code` in `language` (a fence name or alias), or nil when the language is
    /// unknown. The texts concatenate to `code`.
    public static func tokens(code: String, language: String) -> [Token]? {
        guard let known = Language(fenceName: language) else { return nil }
        var code = code
        return code.withUTF8 { bytes in
            lex(bytes, known).map {
                Token(kind: $0.kind, text: String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))
            }
        }
    }

    /// `code` as highlighted HTML, or nil when the language is unknown.
    public static func html(code: String, language: String) -> String? {
        htmlLines(code: code, language: language)?.joined(separator: "\n")
    }

    /// `code` as highlighted HTML, one string per line, each with its spans closed; nil when the
    /// language is unknown. Lines are split at every LF byte, so a `\r\n` line ending (one
    /// `Character` to Swift) still ends a line, and its `\r` stays at the end of the line.
    public static func htmlLines(code: String, language: String) -> [String]? {
        guard let known = Language(fenceName: language) else { return nil }
        var code = code
        return code.withUTF8 { bytes in HTMLWriter.lines(bytes, tokens: lex(bytes, known)) }
    }

    /// `code` as highlighted HTML with every line wrapped: `lineStart(n)` (from 0) before line
    /// `n` and `lineEnd` after it, in one string. Nil when the language is unknown or the code
    /// does not have `lineCount` lines (split at every LF byte, as `htmlLines` does). One string
    /// for the block: a page's code blocks were a string per line, joined again by the page.
    public static func wrappedHTML(
        code: String, language: String, lineCount: Int, lineStart: (Int) -> String, lineEnd: String
    ) -> String? {
        guard let known = Language(fenceName: language) else { return nil }
        var code = code
        return code.withUTF8 { bytes -> String? in
            guard bytes.count(where: { $0 == 0x0A }) + 1 == lineCount else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 2 + lineCount * 32)
            HTMLWriter.write(bytes, tokens: lex(bytes, known), into: &out) { number, out in
                out.append(contentsOf: lineStart(number).utf8)
            } lineEnd: { out in
                out.append(contentsOf: lineEnd.utf8)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func lex(_ bytes: UnsafeBufferPointer<UInt8>, _ language: Language) -> [RawToken] {
        var sink = TokenSink(capacity: bytes.count / 4)
        lex(Input(bytes: bytes, start: 0, end: bytes.count), language, into: &sink)
        return sink.tokens
    }

    /// Lexes a range of a block (all of it, or code embedded in Markdown) into `sink`.
    static func lex(_ input: Input, _ language: Language, into sink: inout TokenSink) {
        switch language {
        case .console: ConsoleLexer.lex(input, into: &sink)
        case .dockerfile: DockerfileLexer.lex(input, into: &sink)
        case .markdown: MarkdownLexer.lex(input, into: &sink)
        case .html: HTMLLexer.lex(input, into: &sink)
        default:
            var lexer = Lexer(grammar: grammar(for: language), input: input)
            lexer.run(into: &sink)
        }
    }

    static func grammar(for language: Language) -> Grammar {
        switch language {
        case .bash, .console: return .bash
        case .yaml: return .yaml
        case .json: return .json
        case .toml: return .toml
        case .ini: return .ini
        case .dockerfile: return .dockerfileArguments
        case .caddyfile: return .caddyfile
        case .nginx: return .nginx
        case .python: return .python
        case .go: return .go
        case .javascript: return .javascript
        case .typescript: return .typescript
        case .swift: return .swift
        case .rust: return .rust
        case .sql: return .sql
        case .diff: return .diff
        case .html, .xml: return .markup
        case .css: return .css
        case .protobuf: return .protobuf
        case .markdown: return .markdown
        }
    }
}
