import Foundation
import Testing

/// A step's output reaches the operator line by line as the step writes it, not when the step
/// ends: Debian's awk (mawk), which masks and logs it, reads a pipe in blocks unless told to read
/// lines, and a long step showed nothing until it was over.
@Suite struct StepOutputStreamTests {
    @Test func aStepsFirstLineIsShownWhileTheStepStillRuns() throws {
        let page = """
            ---
            runbook: { id: stream, title: Stream }
            ---

            ```bash step=slow
            echo first line
            sleep 3
            echo last line
            ```
            """
        let box = try ScriptHarness(page: page, id: "stream")
        let started = try box.start(["--yes"])
        let began = Date()
        var seen = ""
        var firstAt: TimeInterval?
        let reader = started.out.fileHandleForReading
        while firstAt == nil {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if seen.contains("first line") { firstAt = Date().timeIntervalSince(began) }
        }
        let run = box.finish(started)
        #expect(run.status == 0, "\(seen)\(run.output)")
        let shownAfter = try #require(firstAt, "the first line never came: \(seen)")
        #expect(shownAfter < 2, "the first line came after \(shownAfter) s, with the step's end")
        #expect((seen + run.stdout).contains("last line"), "\(seen)\(run.output)")
    }
}
