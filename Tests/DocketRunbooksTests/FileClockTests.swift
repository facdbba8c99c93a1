import Foundation
import Testing

/// Under docket check (`DOCKET_STATUS_FD` and `DOCKET_STEP_PAUSE` set), each step's start event
/// carries `filetime`: a time of the clock the kernel stamps files with, later than every file
/// the steps before wrote and no later than any file this step writes. docket check attributes
/// a changed file to a step by it.
@Suite struct FileClockTests {
    static let page = """
        ---
        runbook:
          id: clock
          title: Three steps, a file each
        ---

        ```bash step=one
        echo 1 > one.txt
        ```

        ```bash step=two
        echo 2 > two.txt
        ```

        ```bash step=three
        echo 3 > three.txt
        ```
        """

    /// The events the script wrote to the status descriptor, and each file's modification time.
    private func run(pause: String?) throws -> (events: [[String: Any]], times: [String: Double]) {
        let harness = try ScriptHarness(page: Self.page, id: "clock")
        let events = harness.home.appendingPathComponent("events.jsonl").path
        var environment: [String: String] = [:]
        if let pause { environment["DOCKET_STEP_PAUSE"] = pause }
        let started = try harness.spawn(
            [
                "/bin/bash", "-c", "exec 3>\"$0\"; DOCKET_STATUS_FD=3 exec /bin/bash \"$1\" --yes", events,
                harness.script.path,
            ], environment: environment)
        let run = harness.finish(started)
        #expect(run.status == 0, "\(run.output)")
        let lines = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
        let parsed = try lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        var times: [String: Double] = [:]
        for name in ["one", "two", "three"] {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: harness.home.appendingPathComponent("\(name).txt").path)
            times[name] = try #require(attributes[.modificationDate] as? Date).timeIntervalSince1970
        }
        return (parsed, times)
    }

    @Test func eachStepsFilesAreStampedFromItsStartsFileTimeOn() throws {
        let (events, times) = try run(pause: "0.006")
        let starts = events.filter { $0["event"] as? String == "start" }
        #expect(starts.map { $0["step"] as? String } == ["one", "two", "three"])
        let fileTimes = starts.compactMap { $0["filetime"] as? Double }
        #expect(fileTimes.count == 3, "every start carries a filetime: \(starts)")
        guard fileTimes.count == 3 else { return }
        let ends = events.filter { $0["event"] as? String == "end" }.compactMap { $0["time"] as? Double }
        for (index, name) in ["one", "two", "three"].enumerated() {
            let written = try #require(times[name])
            // Both read from the same clock; a microsecond for the two conversions to Double.
            #expect(written >= fileTimes[index] - 1e-6, "\(name).txt at \(written), its step from \(fileTimes[index])")
            if index + 1 < fileTimes.count {
                #expect(
                    written < fileTimes[index + 1],
                    "\(name).txt at \(written), the next step from \(fileTimes[index + 1])")
                // Later than the end of the step before, on the events' clock too.
                #expect(fileTimes[index + 1] > ends[index])
            }
        }
    }

    @Test func withoutDocketChecksPauseNoFileTimeIsTaken() throws {
        let (events, _) = try run(pause: nil)
        let starts = events.filter { $0["event"] as? String == "start" }
        #expect(starts.count == 3)
        #expect(starts.allSatisfy { $0["filetime"] == nil }, "\(starts)")
    }
}
