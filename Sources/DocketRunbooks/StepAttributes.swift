import DocketDiagnostics
import DocketMarkdown

/// The attributes a step's info string may carry, and the check that finds misspelt or
/// meaningless ones before an operator runs a step that silently ignores them.
enum StepAttributes {
    /// Attributes of runbook steps, plus those the site itself reads on any code block.
    static let known: [String] = [
        "step", "name", "title", "file", "mode", "cwd", "timeout", "confirm", "manual",
        "produces", "norun", "reboot", "showLineNumbers", "id", "from",
    ]
    /// Attributes that are flags: a value after them is a mistake.
    static let flags: Set<String> = ["confirm", "manual", "reboot"]

    /// The longest timeout accepted: a week. Longer is a typo, and larger numbers overflow.
    static let maximumTimeout = 7 * 24 * 3600

    /// Unknown attributes, values on flags, and combinations that do nothing.
    static func check(
        _ info: CodeBlockInfo, kind: RunbookStep.Kind?, at location: (String) -> SourceLocation,
        into diagnostics: inout Diagnostics
    ) {
        for (key, value) in info.attributes {
            if !known.contains(key) {
                var message = "unknown step attribute '\(key)'"
                if let near = closest(to: key, in: known) { message += "; did you mean '\(near)'?" }
                diagnostics.error(at: location(key), message + " (see the runbook reference for the attributes)")
            } else if flags.contains(key) && !value.isEmpty {
                diagnostics.error(at: location(key), "'\(key)' is a flag and takes no value (write it alone: \(key))")
            }
        }
        let has = { (key: String) in info.attribute(key) != nil }
        if has("mode") && !has("file") {
            diagnostics.error(at: location("mode"), "mode= only applies to file steps: add file=PATH or remove mode=")
        }
        if has("timeout") && kind != .shell && kind != nil {
            diagnostics.error(at: location("timeout"), "timeout= only applies to shell steps")
        }
        if has("reboot") && kind != .shell && kind != nil {
            diagnostics.error(
                at: location("reboot"),
                "reboot marks a shell step that restarts the machine; this step is not a shell step")
        }
        if has("manual") && has("file") {
            diagnostics.error(at: location("manual"), "a step is either manual or a file step (file=), not both")
        }
    }

    /// `90`, `90s`, `5m`, `1h` → seconds, or why not.
    static func seconds(_ text: String) -> Result<Int, TimeoutProblem> {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        var digits = Substring(text)
        var unit = 1
        if let last = text.last, let factor = units[last] { unit = factor; digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.notADuration) }
        guard let number = Int(digits) else { return .failure(.outOfRange) }
        let (total, overflow) = number.multipliedReportingOverflow(by: unit)
        guard !overflow, total <= maximumTimeout else { return .failure(.outOfRange) }
        guard total > 0 else { return .failure(.outOfRange) }
        return .success(total)
    }

    enum TimeoutProblem: Error {
        case notADuration, outOfRange
    }

    /// The candidate nearest to `word` by edit distance, when it is close enough to be a typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let (best, score) = scored, score <= max(1, min(3, best.count / 3)) else { return nil }
        return best
    }

    /// Levenshtein distance, with a transposition counted as one edit (`confrim` → `confirm`).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
