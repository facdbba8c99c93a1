import DocketDiagnostics
import DocketRunbooks
import Foundation

/// Makes the mutants of a runbook from its page text: the commands of each shell step as the
/// page shows them, changed one small thing at a time (a flag dropped, a number, a path segment,
/// a URL's path or host, an environment key or value, a jq index, a pipeline stage dropped,
/// double quotes made single, a line or a whole step dropped). Mutants whose generated script
/// equals the original's are discarded. Manual steps and reboot steps are never run under
/// `docket check`: `NotCheckableText` counts what would have been their mutants apart.
struct MutationOperators {
    let runbook: Runbook
    let page: String

    /// The mutants in a fixed order (step, line, operator).
    func mutants() -> [Mutant] {
        let original = ScriptGenerator.script(for: runbook)
        var seen: Set<String> = [original]
        var found: [Mutant] = []
        for (index, step) in runbook.steps.enumerated() {
            let lines = step.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // Nothing runs a manual step, and docket check records a reboot step without
            // running it: their mutants are not checkable (NotCheckableText).
            if step.kind == .manual || step.reboot { continue }
            // The whole step dropped.
            var dropped = runbook
            dropped.steps[index].body = lines.map { _ in "" }.joined(separator: "\n")
            dropped.steps[index].parts = step.parts.isEmpty ? [] : [.text("")]
            add(
                Mutant(
                    kind: "drop step", step: step.name,
                    location: SourceLocation(path: page, line: step.startLine, column: 1),
                    original: "step \(step.name)", replacement: "(nothing)", runbook: dropped))
            guard step.kind == .shell else {
                // File steps are dropped whole only: their lines are data, which the fixture's
                // file expectations compare.
                continue
            }
            for (number, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                for (kind, column, before, after) in Self.changes(of: line) {
                    var changed = lines
                    changed[number] = after
                    var mutated = runbook
                    mutated.steps[index].body = changed.joined(separator: "\n")
                    _ = before
                    add(
                        Mutant(
                            kind: kind, step: step.name,
                            location: SourceLocation(path: page, line: step.startLine + number + 1, column: column + 1),
                            original: Self.shown(line),
                            replacement: kind == "drop line" ? "(nothing)" : Self.shown(after),
                            runbook: mutated))
                }
            }
        }
        return found

        func add(_ mutant: Mutant) {
            guard let changed = mutant.runbook else { return }
            if seen.insert(ScriptGenerator.script(for: changed)).inserted { found.append(mutant) }
        }
    }

    /// A line as a finding shows it: trimmed, at most 100 characters.
    static func shown(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 100 ? String(trimmed.prefix(99)) + "…" : trimmed
    }

    /// Each change of one line: (operator, column, original text, the whole changed line).
    static func changes(of line: String) -> [(String, Int, String, String)] {
        var result: [(String, Int, String, String)] = []
        let characters = Array(line)
        func replaced(_ range: Range<Int>, with text: String) -> String {
            String(characters[..<range.lowerBound]) + text + String(characters[range.upperBound...])
        }
        func matches(_ pattern: String) -> [(Range<Int>, [Range<Int>?])] {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
            let ns = line as NSString
            return regex.matches(in: line, range: NSRange(location: 0, length: ns.length)).compactMap { match in
                // Character offsets (the line is treated as UTF-16 = characters for ASCII commands).
                guard let whole = Range(match.range, in: line) else { return nil }
                let lower = line.distance(from: line.startIndex, to: whole.lowerBound),
                    upper = line.distance(from: line.startIndex, to: whole.upperBound)
                let groups: [Range<Int>?] = (0..<match.numberOfRanges).map { g in
                    guard let r = Range(match.range(at: g), in: line) else { return nil }
                    return line.distance(
                        from: line.startIndex, to: r.lowerBound)..<line.distance(
                            from: line.startIndex, to: r.upperBound)
                }
                return (lower..<upper, groups)
            }
        }
        // A flag dropped: ` -d`, ` --fail`, ` -o value` keeps its value (only the flag goes).
        for (range, _) in matches("(?<=\\s)--?[A-Za-z][A-Za-z0-9-]*(=\\S+)?(?=\\s|$)") {
            let end =
                range.upperBound < characters.count && characters[range.upperBound] == " "
                ? range.upperBound + 1 : range.upperBound
            result.append(
                ("drop flag", range.lowerBound, String(characters[range]), replaced(range.lowerBound..<end, with: "")))
        }
        // A number changed by one.
        for (range, _) in matches("(?<![A-Za-z_$.{-])\\b[0-9]+\\b(?![A-Za-z_])") {
            let text = String(characters[range])
            guard let value = Int(text) else { continue }
            result.append(("number", range.lowerBound, text, replaced(range, with: String(value == 0 ? 1 : value + 1))))
        }
        // A URL's host and its path.
        for (range, groups) in matches("https?://([A-Za-z0-9.-]+)(/[^\\s\"'|;)]*)?") {
            if let host = groups[1] {
                result.append(
                    (
                        "host", host.lowerBound, String(characters[range]),
                        replaced(host, with: "x" + String(characters[host]))
                    ))
            }
            if let path = groups[2], path.count > 1 {
                result.append(
                    (
                        "URL path", path.lowerBound, String(characters[range]),
                        replaced(path.lowerBound..<(path.lowerBound + 1), with: "/x")
                    ))
            }
        }
        // A path segment changed (in a word with a slash that is not a URL).
        for (range, _) in matches("(?<=[\\s=\"'>])(~|\\.|/)?[A-Za-z0-9._-]*/[A-Za-z0-9._/-]+") {
            let word = String(characters[range])
            guard !word.contains("//"), let slash = word.lastIndex(of: "/") else { continue }
            let offset = word.distance(from: word.startIndex, to: slash) + 1
            guard range.lowerBound + offset < range.upperBound else { continue }
            result.append(
                (
                    "path segment", range.lowerBound, word,
                    replaced((range.lowerBound + offset)..<(range.lowerBound + offset), with: "x")
                ))
        }
        // An environment key and its value (`KEY=value` at the start of a word).
        for (range, groups) in matches("(?<![A-Za-z0-9_$])([A-Z][A-Z0-9_]*)=([^\\s\"']*)") {
            guard let key = groups[1], let value = groups[2] else { continue }
            result.append(
                (
                    "env key", key.lowerBound, String(characters[range]),
                    replaced(key, with: String(characters[key]) + "X")
                ))
            if !value.isEmpty {
                result.append(
                    (
                        "env value", value.lowerBound, String(characters[range]),
                        replaced(value, with: String(characters[value]) + "x")
                    ))
            }
        }
        // A jq index.
        for (range, groups) in matches("\\.?\\[([0-9]+)\\]") {
            guard let digits = groups[1], let value = Int(String(characters[digits])) else { continue }
            result.append(
                ("jq index", range.lowerBound, String(characters[range]), replaced(digits, with: String(value + 1))))
        }
        // A pipeline stage dropped (` | stage`, up to the next pipe or the end).
        for (range, _) in matches("\\s\\|\\s[^|]*?(?=\\s\\|\\s|$)") {
            result.append(
                (
                    "drop stage", range.lowerBound + 1, String(characters[range]).trimmingCharacters(in: .whitespaces),
                    replaced(range, with: "")
                ))
        }
        // Double quotes made single (no parameter is expanded any more).
        for (range, _) in matches("\"[^\"]*\\$[^\"]*\"") {
            let inner = String(characters[(range.lowerBound + 1)..<(range.upperBound - 1)])
            guard !inner.contains("'") else { continue }
            result.append(
                ("quoting", range.lowerBound, String(characters[range]), replaced(range, with: "'" + inner + "'")))
        }
        // The whole line dropped (kept empty, so later lines keep their page numbers).
        result.append(("drop line", 0, line, ""))
        return result
    }
}
