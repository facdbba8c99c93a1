/// The step events of a run, in the order the runtime wrote them: what ended how, which failing
/// line and pipeline statuses it reported, and which step was running at a given time (to
/// attribute the fixture server's requests, and the files a second run changed, to the step
/// that made them).
struct StepTimeline: Sendable {
    private(set) var ends: [StatusEvent] = []
    /// Each step that started, with the time of its start event and, when the runtime gave it,
    /// the file clock's time at its start, in run order.
    private(set) var starts: [(step: String, time: Double, filetime: Double?)] = []

    init(_ events: [StatusEvent]) {
        for event in events {
            switch event.event {
            case .start:
                if let time = event.time { starts.append((event.step, time, event.filetime)) }
            case .end:
                ends.append(event)
            }
        }
    }

    /// (name, status) of each end, as StepReports cross-checks them.
    var reported: [(name: String, status: Int)] { ends.map { ($0.step, $0.status ?? 0) } }

    /// The last end event of `step` (the runtime reports a step once, after all it did).
    func end(of step: String) -> StatusEvent? { ends.last { $0.step == step } }

    /// The step running at `time`, when the runtime reported start times. A step's window runs
    /// from its start to the next step's start (closed-open), the last one's to the end of the
    /// run: whatever happens between two steps (a background process, the runtime's own
    /// bookkeeping) belongs to the step before, never to no step.
    ///
    /// `lag` is how far the clock that stamped `time` can be behind the events' clock. A file's
    /// modification time comes from the kernel's coarse clock, up to one tick (1–10 ms) behind
    /// `EPOCHREALTIME`: a file written right after a step's start event can carry a time before
    /// it, so every window is moved back by the lag. (The runtime pauses longer than a tick
    /// between steps when docket check asks it to, `DOCKET_STEP_PAUSE`, so the last writes of a
    /// step still fall before the next window.) Requests are stamped with the events' clock: 0.
    /// Files are attributed with `step(atFileTime:lag:)`.
    func step(at time: Double, lag: Double = 0) -> String? {
        starts.last { $0.time - lag <= time }?.step
    }

    /// The step that wrote a file last modified at `time` (the kernel's file clock). When every
    /// start carries its `filetime` (the runtime waited until the file clock passed the end of
    /// the step before), a step's window starts there, exactly: no lag to guess, which a busy
    /// machine's clock exceeded. Otherwise `step(at:lag:)`, with the file clock's usual lag.
    func step(atFileTime time: Double, lag: Double) -> String? {
        let stamps = starts.compactMap(\.filetime)
        guard !stamps.isEmpty, stamps.count == starts.count else { return step(at: time, lag: lag) }
        return stamps.lastIndex { $0 <= time }.map { starts[$0].step }
    }

    /// True when the runtime wrote typed events (with times), not only `NAME STATUS` lines.
    var isTyped: Bool { !starts.isEmpty }
}
