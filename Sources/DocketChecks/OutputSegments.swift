/// Splits a runbook run's output into the part each step printed, using the `==> [i/n] name:`
/// lines the script prints as each step starts.
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

    /// `docket: <source>:<line>: command exited with status S (pipeline statuses: …)` from a
    /// step's ERR trap: the exact page line and the statuses of each stage.
    static func failingCommand(in text: String, source: String) -> (line: Int, statuses: [Int])? {
        for line in text.split(separator: "\n").reversed() where line.contains(": command exited with status ") {
            guard let range = line.range(of: " \(source):") else { continue }
            let after = line[range.upperBound...]
            guard let number = Int(after.prefix { $0.isNumber }) else { continue }
            var statuses: [Int] = []
            if let open = line.range(of: "pipeline statuses: ") {
                statuses = line[open.upperBound...].prefix { $0 != ")" }.split(separator: " ").compactMap { Int($0) }
            }
            return (number, statuses)
        }
        return nil
    }
}
