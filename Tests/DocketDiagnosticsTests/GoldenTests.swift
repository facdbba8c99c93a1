import DocketTestSupport
import Foundation
import Testing

/// A golden mismatch shows what changed, as a diff, not only where the first change is.
@Suite struct GoldenTests {
    @Test(.enabled(if: !Golden.blessing, "DOCKET_BLESS=1 writes goldens instead of comparing"))
    func aMismatchIsADiff() throws {
        let temp = Fixtures.temporaryDirectory("golden")
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = temp.appendingPathComponent("expected.txt")
        try "one\ntwo\nthree\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(Golden.mismatch("one\ntwo\nthree\n", file: file) == nil)
        let mismatch = try #require(Golden.mismatch("one\n2\nthree\nfour\n", file: file))
        #expect(mismatch.contains("-two\n+2\n three\n+four\n"), "\(mismatch)")
        #expect(mismatch.hasSuffix("(DOCKET_BLESS=1 re-blesses after review)"))
        #expect(
            Golden.mismatch("x", file: temp.appendingPathComponent("missing.txt"))?.contains("missing golden file")
                == true)
    }
}
