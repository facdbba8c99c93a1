import Testing

@testable import DocketHighlight

@Suite struct HighlighterTests {
    /// The first token with the text, for assertions on one construct.
    private func kind(of text: String, in code: String, _ language: String) -> TokenKind? {
        Highlighter.tokens(code: code, language: language)?.first { $0.text == text }?.kind
    }

    @Test func ordinalIsThePlaceInAllCases() {
        for (place, kind) in TokenKind.allCases.enumerated() { #expect(kind.ordinal == place, "\(kind)") }
    }

    @Test func unknownLanguageIsNil() {
        #expect(Highlighter.tokens(code: "x", language: "brainfuck") == nil)
        #expect(Highlighter.html(code: "x", language: "") == nil)
        #expect(Highlighter.htmlLines(code: "x", language: "text") == nil)
    }

    @Test func aliasesSelectTheirLanguage() {
        let expected: [String: Language] = [
            "sh": .bash, "shell": .bash, "zsh": .bash, "Bash": .bash, "shell-session": .console, "console": .console,
            "yml": .yaml, "env": .ini, "dotenv": .ini, "properties": .ini, "js": .javascript, "jsx": .javascript,
            "mjs": .javascript, "ts": .typescript, "tsx": .typescript, "py": .python, "rs": .rust, "golang": .go,
            "svg": .xml, "html": .html, "proto": .protobuf, "md": .markdown, "Dockerfile": .dockerfile,
            "Caddyfile": .caddyfile, "nginx": .nginx, "postgresql": .sql, "mysql": .sql, "patch": .diff,
        ]
        for (alias, language) in expected { #expect(Language(fenceName: alias) == language, "\(alias)") }
        // No alias is claimed twice.
        let all = Language.allCases.flatMap(\.aliases)
        #expect(Set(all).count == all.count)
    }

    @Test func htmlIsEscapedAndKeepsOneEntryPerLine() throws {
        let lines = try #require(Highlighter.htmlLines(code: "a = \"<b>&\"\n\n# c", language: "python"))
        #expect(
            lines == [
                "a <span class=\"tok-operator\">=</span> <span class=\"tok-string\">&quot;&lt;b&gt;&amp;&quot;</span>",
                "",
                "<span class=\"tok-comment\"># c</span>",
            ])
    }

    @Test func multiLineTokensAreClosedAndReopenedAtEachNewline() throws {
        let html = try #require(Highlighter.html(code: "/* a\nb */ x", language: "go"))
        #expect(html == "<span class=\"tok-comment\">/* a</span>\n<span class=\"tok-comment\">b */</span> x")
    }

    @Test func bashHeredocBodyIsOneStringUpToItsDelimiter() throws {
        let code = "cat <<EOF >out\nif $x then\nEOF\necho done"
        let tokens = try #require(Highlighter.tokens(code: code, language: "sh"))
        #expect(tokens.contains(Token(kind: .string, text: "if $x then\nEOF")))
        #expect(tokens.contains(Token(kind: .builtin, text: "echo")))
        // Without its delimiter a heredoc runs to the end, and nothing breaks.
        let open = try #require(Highlighter.tokens(code: "cat <<-'END'\n\tbody", language: "bash"))
        #expect(open.last == Token(kind: .string, text: "\tbody"))
    }

    @Test func bashCommandSubstitutionClosesAtItsParenthesis() {
        #expect(kind(of: "\" after\"", in: "echo \"$(date +%s) after\"", "bash") == nil)
        let tokens = Highlighter.tokens(code: "echo \"$(date) after\"", language: "bash") ?? []
        #expect(tokens.contains(Token(kind: .string, text: " after\"")))
        #expect(tokens.contains(Token(kind: .function, text: "date")))
    }

    @Test func bashCommandWordsFollowPipesContinuationsAndLeaders() throws {
        let tokens = try #require(
            Highlighter.tokens(
                code: "curl -s x | \\\n  sudo tee f\ndocker compose exec app sh\naws s3 --x Status=On\nexport A=1",
                language: "bash"))
        let functions = tokens.filter { $0.kind == .function }.map(\.text)
        #expect(functions == ["curl", "sudo", "tee", "docker", "aws"])
        #expect(tokens.contains(Token(kind: .variable, text: "A")))
        #expect(!tokens.contains(Token(kind: .variable, text: "Status")))
    }

    @Test func consoleSeparatesPromptCommandAndOutput() throws {
        let tokens = try #require(Highlighter.tokens(code: "$ ls -l\ntotal 0\nroot@box:/# id\n", language: "console"))
        #expect(tokens.first == Token(kind: .prompt, text: "$ "))
        #expect(tokens.contains(Token(kind: .function, text: "ls")))
        #expect(tokens.contains(Token(kind: .output, text: "total 0")))
        #expect(tokens.contains(Token(kind: .prompt, text: "root@box:/# ")))
        // A line that only looks like a prompt is output: `$5 total`, `#hashtag`.
        let output = try #require(Highlighter.tokens(code: "$5 total\n#hashtag", language: "console"))
        #expect(output.allSatisfy { $0.kind == .output || $0.kind == .plain })
    }

    @Test func templateLiteralInterpolationReturnsToTheString() throws {
        let tokens = try #require(Highlighter.tokens(code: "`a ${f({x: 1})} b`; c", language: "js"))
        #expect(tokens.contains(Token(kind: .string, text: " b`")))
        #expect(tokens.last == Token(kind: .plain, text: " c"))
    }

    @Test func swiftInterpolationAndMultiLineStrings() throws {
        let tokens = try #require(
            Highlighter.tokens(code: "let s = \"\"\"\n  \\(a(b)) x\n  \"\"\"\nlet t = 1", language: "swift"))
        #expect(tokens.contains(Token(kind: .string, text: " x\n  \"\"\"")))
        #expect(tokens.contains(Token(kind: .number, text: "1")))
    }

    @Test func pythonTripleQuotedStringSpansLines() {
        #expect(kind(of: "'''a\n\"b\"\n'''", in: "x = '''a\n\"b\"\n'''\n", "py") == .string)
    }

    @Test func yamlBlockScalarEndsAtDedent() throws {
        let tokens = try #require(Highlighter.tokens(code: "run: |\n  a: b\n  c\nnext: 1\n", language: "yaml"))
        #expect(tokens.contains(Token(kind: .string, text: "  a: b\n  c")))
        #expect(tokens.contains(Token(kind: .property, text: "next")))
        #expect(tokens.contains(Token(kind: .number, text: "1")))
    }

    @Test func yamlConstantsOnlyAsWholeValues() {
        #expect(kind(of: "true", in: "a: true\n", "yaml") == .constant)
        #expect(kind(of: "true", in: "a: true story\n", "yaml") == nil)
    }

    @Test func rustLifetimeIsNotACharLiteral() {
        #expect(kind(of: "'a", in: "fn f<'a>(x: &'a str) {}", "rust") == .variable)
        #expect(kind(of: "'x'", in: "let c = 'x';", "rust") == .string)
    }

    @Test func divisionIsNotARegex() throws {
        let tokens = try #require(Highlighter.tokens(code: "a = b / c / d", language: "js"))
        #expect(!tokens.contains { $0.kind == .regex })
    }

    @Test func unterminatedConstructsStopAtTheirLineOrTheEnd() throws {
        let string = try #require(Highlighter.tokens(code: "x = \"open\ny = 1", language: "go"))
        #expect(string.contains(Token(kind: .string, text: "\"open")))
        #expect(string.contains(Token(kind: .number, text: "1")))
        let comment = try #require(Highlighter.tokens(code: "a /* never closed\nb", language: "rust"))
        #expect(comment.last == Token(kind: .comment, text: "/* never closed\nb"))
    }

    @Test func everyLanguageSurvivesHostileInput() throws {
        // Fragments that open constructs and never close them, mixed pseudo-randomly (fixed
        // seed): every language must return every byte, in order, with the same line count.
        let fragments = [
            "\"", "'", "`", "${", "$(", "(", ")", "{", "}", "<<EOF", "\nEOF\n", "/*", "*/", "#", "\\", "\n",
            "<!--", "<a ", ">", "|", ": ", "- ", "é", "🙂", "\r\n", "\t", "0x", "1.5e", "r#\"", "\"\"\"", "@", "$", " ",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for language in Language.allCases {
            for _ in 0..<40 {
                var code = ""
                for _ in 0..<60 {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    code += fragments[Int(state >> 33) % fragments.count]
                }
                let tokens = try #require(Highlighter.tokens(code: code, language: language.rawValue))
                #expect(tokens.map(\.text).joined() == code, "\(language)")
                let lines = try #require(Highlighter.htmlLines(code: code, language: language.rawValue))
                #expect(
                    lines.count == code.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count,
                    "\(language)")
                // Wrapped in one string, the lines are the same, each between its opening and end.
                let wrapped = Highlighter.wrappedHTML(
                    code: code, language: language.rawValue, lineCount: lines.count, lineStart: { "<\($0)>" },
                    lineEnd: "\n</>")
                #expect(wrapped == lines.enumerated().map { "<\($0)>\($1)\n</>" }.joined(), "\(language)")
                #expect(
                    Highlighter.wrappedHTML(
                        code: code, language: language.rawValue, lineCount: lines.count + 1, lineStart: { _ in "" },
                        lineEnd: "") == nil, "another line count is refused")
            }
        }
    }

    @Test func deeplyNestedMarkdownFencesStayBounded() throws {
        // 2,000 nested `md` fences, each longer than the one inside it.
        let depth = 2_000
        var code = ""
        for level in 0..<depth { code += String(repeating: "`", count: depth + 3 - level) + "md\n" }
        code += "# inner\n"
        for level in (0..<depth).reversed() { code += String(repeating: "`", count: depth + 3 - level) + "\n" }
        let tokens = try #require(Highlighter.tokens(code: code, language: "md"))
        #expect(tokens.map(\.text).joined() == code)
    }

    @Test func eachByteIsTriedOnlyAgainstTheRulesItCanStartInOrder() {
        for language in Language.allCases {
            let grammar = Highlighter.grammar(for: language)
            for (state, firsts) in grammar.firstBytes.enumerated() {
                let candidates = grammar.candidates[state]
                for byte in 0...255 {
                    let tried = candidates.rules[Int(candidates.starts[byte])..<Int(candidates.starts[byte + 1])].map(
                        Int.init)
                    #expect(
                        tried == firsts.indices.filter { firsts[$0].contains(UInt8(byte)) },
                        "\(language) \(state) \(byte)")
                }
            }
        }
    }

    @Test func emptyCodeGivesOneEmptyLine() {
        for language in Language.allCases {
            #expect(Highlighter.htmlLines(code: "", language: language.rawValue) == [""])
            #expect(
                Highlighter.wrappedHTML(
                    code: "", language: language.rawValue, lineCount: 1, lineStart: { "<\($0)>" }, lineEnd: "</>")
                    == "<0></>")
        }
        #expect(
            Highlighter.wrappedHTML(code: "x", language: "text", lineCount: 1, lineStart: { _ in "" }, lineEnd: "")
                == nil)
    }
}
