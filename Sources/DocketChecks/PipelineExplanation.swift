/// Names the stage of a pipeline that failed: given the failing command's page text and the
/// statuses the step's ERR trap recorded, `curl … | jq … | base64 -d` with `0 5 0` becomes
/// "jq exited 5 (curl 0, jq 5, base64 0)".
enum PipelineExplanation {
    static func explain(command: String, statuses: [Int]) -> String? {
        guard statuses.count > 1 else { return nil }
        let stages = split(command)
        guard stages.count == statuses.count else { return nil }
        let names = stages.map { stage -> String in
            let words = stage.split(separator: " ").map(String.init).filter { !$0.contains("=") || $0.hasPrefix("-") }
            let command = words.first { $0 != "sudo" && $0 != "env" && $0 != "time" && $0 != "!" } ?? words.first ?? "?"
            return command
        }
        let failed = zip(names, statuses).filter { $0.1 != 0 }
        guard !failed.isEmpty else { return nil }
        let summary = zip(names, statuses).map { "\($0) \($1)" }.joined(separator: ", ")
        let culprits = failed.map { "\($0.0) exited \($0.1)" }.joined(separator: " and ")
        return "\(culprits) (pipeline: \(summary))"
    }

    /// The line (0-based, within `command`) where the first failing stage starts: a pipeline
    /// continued over several lines is reported at the stage that broke, not where bash says.
    static func failingStageLine(command: String, statuses: [Int]) -> Int? {
        guard let failing = statuses.firstIndex(where: { $0 != 0 }), split(command).count == statuses.count else {
            return nil
        }
        var stage = 0, line = 0
        var quote: Character?
        var previous: Character = " "
        var waitingForStart = true
        for c in command {
            if waitingForStart && !(c == " " || c == "\t" || c == "\n" || c == "\\") {
                if stage == failing { return line }
                waitingForStart = false
            }
            if c == "\n" { line += 1 }
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "|" && previous != "|" {
                stage += 1
                waitingForStart = true
            }
            previous = c
        }
        return nil
    }

    /// Splits at `|` outside quotes (not `||`).
    static func split(_ command: String) -> [String] {
        var stages: [String] = []
        var current = ""
        var quote: Character?
        var chars = Array(command)
        chars.append(" ")
        var i = 0
        while i < chars.count - 1 {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
                current.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                current.append(c)
            } else if c == "|" && chars[i + 1] == "|" {
                current += "||"
                i += 1
            } else if c == "|" {
                stages.append(current.trimmingCharacters(in: " \\\n"))
                current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        stages.append(current.trimmingCharacters(in: " \\\n"))
        return stages.filter { !$0.isEmpty }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
