import DocketDiagnostics
import DocketSite
import Foundation

/// Checks across a runbook's parameters and steps: parameters no step uses, and values in the
/// steps that look like placeholders but are no parameter's example (the operator would run them
/// as written).
enum RunbookLint {
    static func check(parameters: [RunbookParameter], steps: [RunbookStep], page: ParsedPage) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let used = Set(steps.flatMap(\.parameters))
        for parameter in parameters where !used.contains(parameter.name) {
            found.append(
                .error(
                    at: parameter.location,
                    "parameter \(parameter.name) is declared but no step uses it (its example '\(parameter.example ?? "")' appears in no step)"
                ))
        }
        // One example inside another would make the replacement ambiguous.
        for parameter in parameters {
            guard let example = parameter.example, !example.isEmpty else { continue }
            for other in parameters where other.name != parameter.name {
                if let inner = other.example, !inner.isEmpty, inner != example, example.contains(inner) {
                    found.append(
                        .error(
                            at: parameter.location,
                            "the example '\(example)' of \(parameter.name) contains the example '\(inner)' of \(other.name): choose examples that cannot be mistaken for each other"
                        ))
                }
            }
        }
        found.append(contentsOf: valueChecks(parameters))
        let examples = parameters.compactMap(\.example).filter { !$0.isEmpty }
        // Each step keeps the text of its block, so the block is not looked for again.
        for step in steps {
            for (line, column, text) in placeholders(in: step.literal)
            where !covered(text, by: examples, in: step.literal) {
                found.append(
                    .error(
                        at: SourceLocation(
                            path: page.displayPath, line: step.startLine + line, column: step.startColumn + column - 1),
                        "'\(text)' looks like a placeholder but is no parameter's example: declare a parameter with example: \(text), or write the real value"
                    ))
            }
        }
        for step in steps where step.kind == .shell {
            found.append(contentsOf: backgroundOutput(of: step, page: page))
        }
        return found
    }

    /// A warning for each command the step starts in the background that keeps the step's output
    /// (`BackgroundOutputCheck`): the run would wait for it to end.
    static func backgroundOutput(of step: RunbookStep, page: ParsedPage) -> [Diagnostic] {
        let literalLines = step.literal.split(separator: "\n", omittingEmptySubsequences: false)
        let bodyLines = step.body.split(separator: "\n", omittingEmptySubsequences: false)
        return BackgroundOutputCheck.findings(in: step.body).map { finding in
            // A console block's prompt is not in the body: the column counts it again.
            var column = finding.column
            if finding.line <= literalLines.count, finding.line <= bodyLines.count {
                let written = literalLines[finding.line - 1], run = bodyLines[finding.line - 1]
                if written.hasSuffix(run) { column += written.utf8.count - run.utf8.count }
            }
            return .warning(
                at: SourceLocation(
                    path: page.displayPath, line: step.startLine + finding.line, column: step.startColumn + column - 1),
                "step \(step.name): '\(finding.command) &' runs in the background and keeps the step's \(finding.holds), so the step, and the run, waits until it exits: send its output elsewhere ('\(finding.command) >file 2>&1 &'), or 'wait' for it in the step"
            )
        }
    }

    /// A parameter's own example and default must pass its `pattern` (the whole value, as the
    /// script checks it) and its `choices`, or the page contradicts itself.
    static func valueChecks(_ parameters: [RunbookParameter]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for parameter in parameters {
            var regex: NSRegularExpression?
            if let pattern = parameter.pattern {
                regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$")
                if regex == nil {
                    found.append(
                        .error(
                            at: parameter.location,
                            "the pattern of \(parameter.name) is not a valid regular expression: \(pattern)"))
                }
            }
            for (field, value) in [("example", parameter.example), ("default", parameter.defaultValue)] {
                guard let value else { continue }
                if let regex, regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) == nil {
                    found.append(
                        .error(
                            at: parameter.location,
                            "the \(field) '\(value)' of \(parameter.name) does not match its own pattern \(parameter.pattern ?? "")"
                        ))
                }
                if !parameter.choices.isEmpty && !parameter.choices.contains(value) {
                    found.append(
                        .error(
                            at: parameter.location,
                            "the \(field) '\(value)' of \(parameter.name) is not one of its choices (\(parameter.choices.joined(separator: ", ")))"
                        ))
                }
            }
        }
        return found
    }

    private static let patterns: [NSRegularExpression] = [
        try! NSRegularExpression(pattern: "<[A-Za-z][A-Za-z0-9_ -]*[A-Za-z0-9]>"),
        try! NSRegularExpression(pattern: "[A-Za-z0-9.-]*example\\.(com|org|net)\\b"),
        try! NSRegularExpression(pattern: "\\b(Your|My)[A-Z][A-Za-z]*[0-9]*\\b"),
    ]

    /// (line in the block, byte column, text) of each placeholder-looking token.
    static func placeholders(in text: String) -> [(Int, Int, String)] {
        var result: [(Int, Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineText = String(line)
            let ns = lineText as NSString
            for pattern in patterns {
                for match in pattern.matches(in: lineText, range: NSRange(location: 0, length: ns.length)) {
                    let token = ns.substring(with: match.range)
                    let prefix = ns.substring(to: match.range.location)
                    result.append((index + 1, prefix.utf8.count + 1, token))
                }
            }
        }
        return result
    }

    /// True when every occurrence of `token` in `text` lies inside an occurrence of one of the
    /// examples (`example.com` inside `admin@example.com` next to `demo.example.com`).
    private static func covered(_ token: String, by examples: [String], in text: String) -> Bool {
        let bytes = Array(text.utf8)
        var inside = [Bool](repeating: false, count: bytes.count)
        for example in examples {
            let needle = Array(example.utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { continue }
            for i in 0...(bytes.count - needle.count) where bytes[i..<(i + needle.count)].elementsEqual(needle) {
                for j in i..<(i + needle.count) { inside[j] = true }
            }
        }
        let needle = Array(token.utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else { return false }
        for i in 0...(bytes.count - needle.count) where bytes[i..<(i + needle.count)].elementsEqual(needle) {
            if inside[i..<(i + needle.count)].contains(false) { return false }
        }
        return true
    }
}
