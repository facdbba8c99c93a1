import DocketDiagnostics
import DocketRunbooks
import Foundation

/// Finds the page line a failed expectation points at: the step that wrote a file, the line that
/// makes a call or a request.
struct StepLocator {
    let runbook: Runbook
    let page: String

    func location(of step: RunbookStep, bodyLine: Int = 0) -> SourceLocation {
        SourceLocation(path: page, line: step.startLine + bodyLine, column: 1)
    }

    func step(named name: String) -> RunbookStep? {
        runbook.steps.first { $0.name == name }
    }

    /// The first body line (of any step) containing the longest possible leading part of
    /// `words` (at least two words): `docker network connect x y` finds the line that runs
    /// `sudo docker network connect …` even when its arguments changed.
    func line(runningPrefixOf words: [String]) -> SourceLocation? {
        guard words.count >= 2 else { return nil }
        for length in stride(from: words.count, through: 2, by: -1) {
            let prefix = words[0..<length].joined(separator: " ")
            for step in runbook.steps where step.kind == .shell {
                for (index, line) in step.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.contains(prefix) {
                    return location(of: step, bodyLine: index + 1)
                }
            }
        }
        return nil
    }

    /// The line that sets `KEY` (its trimmed text starts with `KEY=`), else the first line
    /// mentioning `KEY=`: where a file's `KEY=value` line comes from.
    func line(setting key: String) -> SourceLocation? {
        for step in runbook.steps {
            for (index, line) in step.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(key + "=") {
                return location(of: step, bodyLine: index + 1)
            }
        }
        return line(containing: key + "=")
    }

    /// The line of a shell step that requests `url`: one holding the URL's path right after a
    /// host (`https://${DOMAIN}/docs`, not any `/docs` of the page) and ending there, a line
    /// with curl or wget first; only in `stepName` when the request is known to come from that
    /// step. Nil when no line does: a wrong guess is worse than none.
    func line(requesting url: String, in stepName: String?) -> SourceLocation? {
        guard let components = URLComponents(string: url) else { return nil }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        let escaped = NSRegularExpression.escapedPattern(for: path == "/" ? "" : path)
        // After a host: any (the page shows an example host, or a parameter, where the run used
        // the fixture's; the script quotes it: `https://"${API}"/docs`), or a parameter (`}`,
        // `$NAME`, perhaps quoted) standing for scheme and host.
        let pattern = "(//[^/\\s]+|\\}['\"]?|\\$[A-Za-z_][A-Za-z0-9_]*['\"]?)\(escaped)/?(?=[\\s'\"?#\\\\|;)<>]|$)"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        var found: [(location: SourceLocation, fetches: Bool)] = []
        for step in runbook.steps where step.kind == .shell && (stepName == nil || step.name == stepName) {
            for (index, line) in step.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = String(line)
                guard regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else { continue }
                let fetches = text.range(of: "\\b(curl|wget|http)\\b", options: .regularExpression) != nil
                found.append((location(of: step, bodyLine: index + 1), fetches))
            }
        }
        return (found.first { $0.fetches } ?? found.first)?.location
    }

    /// The first body line containing `text`.
    func line(containing text: String) -> SourceLocation? {
        for step in runbook.steps {
            for (index, line) in step.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(text) {
                return location(of: step, bodyLine: index + 1)
            }
        }
        return nil
    }

    /// The step responsible for a file: the file step targeting it, else the first step that
    /// mentions its name.
    func location(ofFile path: String) -> SourceLocation? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let step = fileStep(path) { return location(of: step) }
        return line(containing: name)
    }

    /// The line of the file step targeting `path` that sets `key` (`KEY=value`), if any.
    func fileStepLine(_ path: String, key: String?) -> SourceLocation? {
        guard let key, let step = fileStep(path) else { return nil }
        for (index, line) in step.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasPrefix(key + "=") {
            return location(of: step, bodyLine: index + 1)
        }
        return nil
    }

    private func fileStep(_ path: String) -> RunbookStep? {
        runbook.steps.first { step in
            step.kind == .file && Self.normalize(Self.join(step.cwd ?? "", step.file ?? "")) == Self.normalize(path)
        }
    }

    private static func join(_ directory: String, _ file: String) -> String {
        if file.hasPrefix("/") || file.hasPrefix("~") || directory.isEmpty { return file }
        return directory + "/" + file
    }

    private static func normalize(_ path: String) -> String {
        var p = path
        if p.hasPrefix("~/") { p.removeFirst(2) }
        if p.hasPrefix("./") { p.removeFirst(2) }
        return p
    }
}
