/// Splits a runbook run's output into the part each step printed, using the `==> [i/n] name:`
/// lines the script prints as each step starts. For showing a step's output only: outcomes,
/// failing lines and missing lines come from the runtime's step events (StatusEvent).
enum OutputSegments {
    static func split(_ output: String) -> [String: String] {
        var segments: [String: String] = [:]
        var current: String?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("==> ["), let close = line.firstIndex(of: "]") {
                let rest = line[line.index(after: close)...].drop { $0 == " " }
                current = rest.split(separator: ":").first.map(String.init)
                continue
            }
            if let current { segments[current, default: ""] += line + "\n" }
        }
        return segments
    }

    /// The last `count` lines of `text`.
    static func tail(_ text: String, _ count: Int = 12) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(count).joined(separator: "\n")
    }
}
