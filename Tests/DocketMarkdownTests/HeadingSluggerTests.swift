import DocketMarkdown
import Testing

@Suite struct HeadingSluggerTests {
    @Test(arguments: [
        ("Hello World!", "hello-world"),
        ("What's new in v2.0?", "whats-new-in-v20"),
        ("2. Add DEV_TOKEN", "2-add-dev_token"),
        ("C++ & Rust", "c--rust"),
        ("heading with a - dash", "heading-with-a---dash"),
        (
            "exchange.bind_headers(exchange, routing [, bindCallback])",
            "exchangebind_headersexchange-routing--bindcallback"
        ),
        ("I ♥ unicode", "i--unicode"),
        ("en–dash", "endash"),
        ("😄 unicode emoji", "-unicode-emoji"),
        ("Привет non-latin 你好", "привет-non-latin-你好"),
    ])
    func slug(_ text: String, _ expected: String) {
        #expect(HeadingSlugger.slug(text) == expected)
    }

    @Test func repeatedHeadingsGetSuffixesLikeGithubSlugger() {
        var slugger = HeadingSlugger()
        let ids = ["echo", "echo", "echo 1", "echo-1", "echo"].map { slugger.unique($0) }
        #expect(ids == ["echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"])
    }

    /// Every ASCII character, alone and between letters, slugs as github-slugger's rule says:
    /// lower-cased, spaces to `-`, letters, digits, `-` and `_` kept, the rest dropped (the
    /// ASCII fast path against the rule written out with Unicode properties).
    @Test func everyASCIICharacterFollowsTheRule() {
        func rule(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in text.lowercased().unicodeScalars {
                if scalar == " " {
                    out.append("-")
                } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                    || scalar.properties.generalCategory == .decimalNumber
                {
                    out.append(scalar)
                }
            }
            return String(out)
        }
        for value in 0..<128 {
            let character = String(UnicodeScalar(UInt8(value)))
            for text in [character, "Ab\(character)Z9", "\(character)\(character) x"] {
                #expect(HeadingSlugger.slug(text) == rule(text), "\(value)")
            }
        }
        #expect(HeadingSlugger.slug("Mixed ASCII and é") == "mixed-ascii-and-é", "non-ASCII text takes the full path")
    }
}
