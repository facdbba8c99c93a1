/// Replaces every occurrence of a parameter's example in a shell step by a reference to the
/// parameter, written correctly for the quoting around it:
///
/// | where | example `a.example.com` becomes |
/// |---|---|
/// | unquoted (also in `$(…)`) | `"${DOMAIN}"` |
/// | double quotes, unquoted heredoc | `${DOMAIN}` |
/// | single quotes | `'"${DOMAIN}"'` (close, insert, reopen) |
///
/// The reference is expanded by bash once, so a value holding quotes, `$(…)`, backticks, spaces
/// or newlines reaches the command unchanged and runs nothing. Inside a quoted heredoc or `$'…'`
/// nothing expands, so an example there is reported instead.
enum ParameterSubstitution {
    struct Problem: Equatable {
        /// 1-based line and byte column within the body.
        var line: Int
        var column: Int
        var message: String
    }

    struct Result {
        var script: String
        var used: Set<String>
        /// Parameters with an occurrence that could not be substituted (each has a problem).
        var unsubstituted: Set<String>
        var problems: [Problem]
    }

    static func substitute(_ body: String, parameters: [RunbookParameter]) -> Result {
        let bytes = Array(body.utf8)
        let contexts = ShellContext.classify(bytes)
        var taken = [Bool](repeating: false, count: bytes.count)
        var replacements: [(range: Range<Int>, text: [UInt8])] = []
        var used = Set<String>()
        var unsubstituted = Set<String>()
        var problems: [Problem] = []

        // Longest examples first, so one example inside another is not split.
        let ordered = parameters.filter { !($0.example ?? "").isEmpty }
            .sorted { ($0.example!.utf8.count, $1.name) > ($1.example!.utf8.count, $0.name) }
        for parameter in ordered {
            let needle = Array(parameter.example!.utf8)
            var start = 0
            while let found = find(needle, in: bytes, from: start) {
                let range = found..<(found + needle.count)
                start = found + 1
                if taken[range].contains(true) { continue }
                let kinds = Set(contexts[range].map { "\($0)" })
                let context = contexts[found]
                if kinds.count > 1 || context == .syntax {
                    unsubstituted.insert(parameter.name)
                    problems.append(
                        problem(
                            at: found, in: bytes,
                            "the example '\(parameter.example!)' of \(parameter.name) crosses shell quoting here, so it cannot be replaced by the parameter; write it inside one kind of quotes"
                        ))
                    continue
                }
                let reference: String
                switch context {
                case .unquoted: reference = "\"${\(parameter.name)}\""
                case .doubleQuoted, .heredoc(quoted: false): reference = "${\(parameter.name)}"
                case .singleQuoted: reference = "'\"${\(parameter.name)}\"'"
                case .comment: continue
                case .heredoc(quoted: true):
                    unsubstituted.insert(parameter.name)
                    problems.append(
                        problem(
                            at: found, in: bytes,
                            "the example '\(parameter.example!)' of \(parameter.name) is inside a quoted heredoc, where nothing expands: the runbook would write the example itself. Unquote the delimiter (<<EOF) or build the text outside the heredoc"
                        ))
                    continue
                case .ansiQuoted, .syntax:
                    unsubstituted.insert(parameter.name)
                    problems.append(
                        problem(
                            at: found, in: bytes,
                            "the example '\(parameter.example!)' of \(parameter.name) is inside $'…' quoting, where it cannot be replaced by the parameter"
                        ))
                    continue
                }
                for j in range { taken[j] = true }
                replacements.append((range, Array(reference.utf8)))
                used.insert(parameter.name)
            }
        }
        var output = bytes
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            output.replaceSubrange(replacement.range, with: replacement.text)
        }
        return Result(
            script: String(decoding: output, as: UTF8.self), used: used, unsubstituted: unsubstituted,
            problems: problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func problem(at offset: Int, in bytes: [UInt8], _ message: String) -> Problem {
        var line = 1
        var lineStart = 0
        for (index, byte) in bytes[..<offset].enumerated() where byte == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return Problem(line: line, column: offset - lineStart + 1, message: message)
    }
}
