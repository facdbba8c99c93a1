import Testing

@testable import DocketMarkdown

/// `HTMLOutput` keeps its own byte buffer: what it gives back is every piece in order, however
/// often it grew, whatever the pieces were.
@Suite struct HTMLOutputTests {
    @Test func piecesComeBackInOrderAcrossGrowth() {
        var output = HTMLOutput(capacity: 1)
        var expected = ""
        let pieces = ["<p>", "", "é\u{301}", String(repeating: "x", count: 5000), "&amp;", "日本", "\n"]
        for round in 0..<200 {
            let piece = pieces[round % pieces.count]
            output += piece
            expected += piece
            let sub = "[\(round)]".dropFirst()
            output += sub
            expected += sub
        }
        #expect(output.text == expected)
        #expect(output.text.utf8.count == expected.utf8.count)
    }

    @Test func anEmptyOutputIsEmpty() {
        let output = HTMLOutput(capacity: 0)
        #expect(output.text.isEmpty)
    }
}
