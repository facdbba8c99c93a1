/// The step events of a run, in the order the runtime wrote them: what ended how, which failing
/// line and pipeline statuses it reported, and which step was running at a given time (to
/// attribute the fixture server's requests to the step that made them).
struct StepTimeline: Sendable {
    private(set) var ends: [StatusEvent] = []
    /// Steps with both a start and an end time: their windows.
    private(set) var windows: [(step: String, start: Double, end: Double?)] = []

    init(_ events: [StatusEvent]) {
        for event in events {
            switch event.event {
            case .start:
                if let time = event.time { windows.append((event.step, time, nil)) }
            case .end:
                ends.append(event)
                if let time = event.time, let open = windows.lastIndex(where: { $0.step == event.step && $0.end == nil }) {
                    windows[open].end = time
                }
            }
        }
    }

    /// (name, status) of each end, as StepReports cross-checks them.
    var reported: [(name: String, status: Int)] { ends.map { ($0.step, $0.status ?? 0) } }

    /// The last end event of `step` (the runtime reports a step once, after all it did).
    func end(of step: String) -> StatusEvent? { ends.last { $0.step == step } }

    /// The step running at `time`, when the runtime reported start times.
    func step(at time: Double) -> String? {
        windows.last { $0.start <= time && time <= ($0.end ?? .infinity) }?.step
    }

    /// True when the runtime wrote typed events (with times), not only `NAME STATUS` lines.
    var isTyped: Bool { !windows.isEmpty }
}
