import Foundation

/// One report of the runbook runtime to `docket check`, a JSON object per line on the status
/// channel (`DOCKET_STATUS_FD`), so that the checker reads data and never the script's prose:
///
///     {"event":"start","step":"fetch","time":1764600000.123456}
///     {"event":"end","step":"fetch","status":1,"time":1764600001.5,"line":361,"pipestatus":[0,5,0],"missing":["KEY=value"]}
///
/// `time` is seconds since 1970 (bash's `EPOCHREALTIME`, the clock the fixture server stamps
/// requests with), so a request is attributed to the step running when it arrived. On `start`,
/// when docket check asks for it (`DOCKET_STEP_PAUSE`), `filetime` is a time of the clock the
/// kernel stamps files with, later than every write of the steps before and no later than any
/// write of this step: a file changed in the run is attributed by it. On `end`:
/// `status` is the step's exit status, `line` the page line of the command that failed (the
/// ERR trap's `LINENO` mapped to the page), `pipestatus` that command's `PIPESTATUS`, and
/// `missing` the lines a verify step found missing, in page order, and `output` the last lines
/// the step printed. Unknown fields are ignored,
/// so the runtime can add some.
///
/// During the transition to this format the runtime's older `NAME STATUS` lines are read as
/// `end` events with only a status.
struct StatusEvent: Decodable, Equatable, Sendable {
    enum Kind: String, Decodable, Sendable {
        case start
        case end
    }

    var event: Kind
    var step: String
    var status: Int?
    var time: Double?
    var filetime: Double?
    var line: Int?
    var pipestatus: [Int]?
    var missing: [String]?
    /// The end of what the step printed, secrets masked by the runtime.
    var output: String?

    init(
        event: Kind, step: String, status: Int? = nil, time: Double? = nil, filetime: Double? = nil, line: Int? = nil,
        pipestatus: [Int]? = nil, missing: [String]? = nil, output: String? = nil
    ) {
        self.event = event
        self.step = step
        self.status = status
        self.time = time
        self.filetime = filetime
        self.line = line
        self.pipestatus = pipestatus
        self.missing = missing
        self.output = output
    }

    /// The event of one line of the channel, or nil for a line that is neither form (the
    /// sandbox's own exit mark, garbage a step wrote there).
    static func parse<S: StringProtocol>(_ line: S) -> StatusEvent? {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("{") {
            guard let event = try? JSONDecoder().decode(StatusEvent.self, from: Data(text.utf8)), !event.step.isEmpty
            else { return nil }
            if event.event == .end && event.status == nil { return nil }
            return event
        }
        let parts = text.split(separator: " ")
        guard parts.count == 2, let status = Int(parts[1]) else { return nil }
        return StatusEvent(event: .end, step: String(parts[0]), status: status)
    }
}
