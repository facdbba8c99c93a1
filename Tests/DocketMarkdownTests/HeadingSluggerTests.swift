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
}
