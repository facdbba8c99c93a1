import Testing

@testable import DocketChecks

/// Which step was running at a time: windows from one step's start to the next's, the last one
/// open to the end of the run, moved back by the lag of a coarser clock (file times).
@Suite struct StepTimelineTests {
    /// Two steps as the runtime reports them under docket check's second run: `settings` from
    /// 100.000 to 100.010, a pause of 6 ms, `register` from 100.016 to 100.030.
    private let timeline = StepTimeline([
        StatusEvent(event: .start, step: "settings", time: 100.000),
        StatusEvent(event: .end, step: "settings", status: 0, time: 100.010),
        StatusEvent(event: .start, step: "register", time: 100.016),
        StatusEvent(event: .end, step: "register", status: 0, time: 100.030),
    ])
    /// One tick of a 250 Hz coarse clock.
    private let tick = 0.004

    @Test func aFileWrittenRightAfterAStartIsItsStepsEvenWhenItsTimeIsBeforeTheStart() {
        // register's first command wrote at 100.0165; the coarse clock still said 100.013,
        // between settings' end and register's start (the flaky case: no step before).
        #expect(timeline.step(at: 100.013, lag: tick) == "register")
        #expect(timeline.step(at: 99.997, lag: tick) == "settings", "a write at settings' start, stamped before it")
    }

    @Test func theLastWriteOfAStepStaysItsOwn() {
        // settings wrote at its very end: its time is at most its end event's.
        #expect(timeline.step(at: 100.010, lag: tick) == "settings")
        #expect(timeline.step(at: 100.0119, lag: tick) == "settings")
    }

    @Test func windowsAreClosedOpenAtTheBoundary() {
        // register's window starts exactly at its start minus the lag, settings' ends just before.
        #expect(timeline.step(at: 100.012, lag: tick) == "register")
        #expect(timeline.step(at: 100.016) == "register", "a request at the start event's very time")
        #expect(timeline.step(at: 100.015_999) == "settings")
    }

    @Test func betweenTwoStepsIsTheEarlierOneAndAfterTheLastIsTheLast() {
        // A request between two steps comes from what the step before left running.
        #expect(timeline.step(at: 100.013) == "settings")
        #expect(timeline.step(at: 100.5) == "register")
        #expect(timeline.step(at: 200, lag: tick) == "register", "open to the end of the run")
    }

    @Test func beforeTheFirstStepIsNoStep() {
        #expect(timeline.step(at: 99.995, lag: tick) == nil)
        #expect(timeline.step(at: 99.999_9) == nil)
    }

    @Test func wholeSecondEventTimesStillOrderTheSteps() {
        // A runtime without EPOCHREALTIME stamping with `date +%s` would give whole seconds:
        // both steps start in second 100; the later start wins from there on.
        let coarse = StepTimeline([
            StatusEvent(event: .start, step: "a", time: 100), StatusEvent(event: .end, step: "a", status: 0, time: 100),
            StatusEvent(event: .start, step: "b", time: 100), StatusEvent(event: .end, step: "b", status: 0, time: 101),
        ])
        #expect(coarse.step(at: 100.5, lag: tick) == "b")
        #expect(coarse.step(at: 99.5) == nil)
    }

    @Test func theOlderLinesHaveNoTimesAndSoNoStep() {
        let old = StepTimeline([StatusEvent(event: .end, step: "a", status: 0)])
        #expect(!old.isTyped)
        #expect(old.step(at: 100) == nil)
        #expect(timeline.isTyped)
    }

    @Test func thePauseTheRuntimeIsAskedForIsLongerThanTheLag() {
        let pause = Double(FileTimeClock.stepPause) ?? 0
        #expect(FileTimeClock.lag > 0 && FileTimeClock.lag <= 0.1)
        #expect(pause > FileTimeClock.lag, "\(pause) s is not longer than a tick of \(FileTimeClock.lag) s")
    }

    /// With the runtime's `filetime` on every start, a step's window on the file clock starts
    /// exactly there: a file the next step wrote while the file clock lagged the events' clock by
    /// more than a tick (seen on a busy CI machine) is still that step's.
    @Test func fileTimesPlaceAFileExactlyWhateverTheLag() {
        let stamped = StepTimeline([
            StatusEvent(event: .start, step: "settings", time: 100.000, filetime: 99.990),
            StatusEvent(event: .end, step: "settings", status: 0, time: 100.010),
            StatusEvent(event: .start, step: "register", time: 100.030, filetime: 100.011),
            StatusEvent(event: .end, step: "register", status: 0, time: 100.040),
        ])
        // register wrote at 100.031 but the file clock said 100.012: 18 ms behind, four ticks.
        #expect(stamped.step(atFileTime: 100.012, lag: tick) == "register")
        #expect(stamped.step(atFileTime: 100.011, lag: tick) == "register", "at the filetime itself")
        #expect(stamped.step(atFileTime: 100.010_9, lag: tick) == "settings")
        #expect(stamped.step(atFileTime: 99.989, lag: tick) == nil)
        // Without file times (an older runtime, or one start without): the lag rule.
        let mixed = StepTimeline([
            StatusEvent(event: .start, step: "settings", time: 100.000, filetime: 99.990),
            StatusEvent(event: .start, step: "register", time: 100.030),
        ])
        #expect(mixed.step(atFileTime: 100.012, lag: tick) == "settings")
        #expect(timeline.step(atFileTime: 100.013, lag: tick) == "register")
    }
}
