import DocketDiagnostics
import Foundation
import Testing

@Suite struct TextDiffTests {
    @Test func equalTextsGiveOnlyTheHeader() {
        #expect(TextDiff.unified(old: "a\nb\n", new: "a\nb\n", oldName: "x", newName: "y") == "--- x\n+++ y\n")
    }

    @Test func aChangedLineWithContext() {
        let old = "1\n2\n3\n4\n5\n6\n7", new = "1\n2\n3\nfour\n5\n6\n7"
        #expect(
            TextDiff.unified(old: old, new: new, oldName: "old", newName: "new")
                == "--- old\n+++ new\n@@ -2 +2 @@\n 2\n 3\n-4\n+four\n 5\n 6\n")
    }

    @Test func additionsAndRemovalsAtTheEnds() {
        #expect(
            TextDiff.unified(old: "a\nb", new: "b\nc", oldName: "o", newName: "n")
                == "--- o\n+++ n\n@@ -1 +1 @@\n-a\n b\n+c\n")
        #expect(TextDiff.unified(old: "", new: "x", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -1 +1 @@\n-\n+x\n")
    }

    @Test func farApartChangesAreSeparateHunks() {
        let old = (1...20).map(String.init)
        var new = old
        new[1] = "two"
        new[17] = "eighteen"
        let diff = TextDiff.unified(
            old: old.joined(separator: "\n"), new: new.joined(separator: "\n"), oldName: "o", newName: "n")
        #expect(diff.components(separatedBy: "\n@@ ").count == 3, "\(diff)")
        #expect(diff.contains("@@ -16 +16 @@\n 16\n 17\n-18\n+eighteen\n 19\n 20\n"), "\(diff)")
    }

    @Test func textsWithNothingInCommonAreOneReplacement() {
        let diff = TextDiff.unified(old: "a\nb", new: "c\nd", oldName: "o", newName: "n")
        #expect(diff == "--- o\n+++ n\n@@ -1 +1 @@\n-a\n-b\n+c\n+d\n")
    }

    /// A 10,000-line `same_as` expectation with ten changed lines: the table of every line pair
    /// this used to build took 400 MB and seconds; the diff now takes kilobytes.
    @Test func tenThousandLinesStaySmall() {
        let old = (0..<10_000).map { "line \($0) of a large expected file" }
        var new = old
        for k in stride(from: 500, to: 10_000, by: 1_000) { new[k] = "changed line \(k)" }
        let before = peakResidentBytes()
        let clock = ContinuousClock()
        var diff = ""
        let elapsed = clock.measure {
            diff = TextDiff.unified(
                old: old.joined(separator: "\n"), new: new.joined(separator: "\n"), oldName: "o", newName: "n")
        }
        let grown = peakResidentBytes() - before
        #expect(diff.components(separatedBy: "\n+changed line ").count == 11)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        // The process's peak can only grow; 100 MB is a quarter of what the old table needed.
        #expect(grown < 100 << 20, "the peak resident size grew by \(grown >> 20) MB")
    }

    /// The process's peak resident set size so far (getrusage; Linux reports KiB, macOS bytes).
    func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Int(usage.ru_maxrss) * 1024
        #else
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss)
        #endif
    }
}
