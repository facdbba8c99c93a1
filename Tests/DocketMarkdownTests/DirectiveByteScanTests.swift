import Testing

@testable import DocketMarkdown

/// `DirectiveScanner.scan` reads lines as bytes and looks at a line as text only when it could
/// hold a fence; `scanBySplitting` is the line-array reading it replaced. Both must find the
/// same fences, openings and markers on any text.
@Suite struct DirectiveByteScanTests {
    private let lines = [
        ":::note", ":::", "::::tip[Two words]", "  :::", "```", "~~~", "````js", "text :::x",
        "`", "  ~~~~", ":::warning Title {#x}", "    :::", "\t:::danger", "é:::note", ":\u{301}::note", "",
    ]

    private func same(_ text: String) {
        var bytes = DirectiveScanner()
        var split = DirectiveScanner()
        let a = bytes.scan(text, lineOffset: 3)
        let b = split.scanBySplitting(text, lineOffset: 3)
        #expect(a == b, "\(text.debugDescription)")
        #expect(
            bytes.openings.map { "\($0.name) \($0.line):\($0.column) \($0.titleSource ?? "-") \($0.titleColumn)" }
                == split.openings.map {
                    "\($0.name) \($0.line):\($0.column) \($0.titleSource ?? "-") \($0.titleColumn)"
                })
        #expect(
            bytes.markerLines == split.markerLines && bytes.fenceTexts == split.fenceTexts
                && bytes.closeColumns == split.closeColumns)
    }

    @Test func theByteScanFindsWhatTheLineScanFinds() {
        // Every text of up to four lines from the pieces, and some longer ones.
        var texts = [""]
        var last = [""]
        for _ in 0..<3 {
            last = last.flatMap { prefix in lines.map { prefix.isEmpty ? $0 : prefix + "\n" + $0 } }
            texts += last
        }
        for text in texts { same(text) }
        for text in texts.prefix(400) { same(text + "\n") }
        same(lines.joined(separator: "\n") + "\n" + lines.reversed().joined(separator: "\n"))
    }

    @Test func aTextWithoutFencesComesBackAsItWas() {
        var scanner = DirectiveScanner()
        let text = "# Title\n\nA paragraph: with colons :: and `code`.\n"
        #expect(scanner.scan(text) == text)
        #expect(scanner.openings.isEmpty && scanner.markerLines.isEmpty)
    }

    @Test func crlfLinesKeepTheCharacterReading() {
        // "\r\n" is one Character: the line reading never ended a line there, and neither does
        // the scan of such a text.
        var scanner = DirectiveScanner()
        let text = ":::note\r\nbody\r\n:::\r\n"
        var split = DirectiveScanner()
        #expect(scanner.scan(text) == split.scanBySplitting(text, lineOffset: 0))
        #expect(scanner.openings.count == split.openings.count)
        // Carriage returns that end no line (alone, last, before another one) are searched past.
        for text in [
            "a\rb\n:::note\r\nx\r\n:::\r\n", "\r", "\r\r\n", ":::note\nx\n:::\r", "x\r\ry\n:::tip\n:::\n",
            ":::note\rx\n:::\n",
        ] {
            same(text)
        }
    }
}
