import DocketDiagnostics
import DocketRunbooks
import DocketSandbox
import Foundation

/// Runs one runbook's generated script against its fixture in the sandbox and checks every
/// expectation, reporting each failure at the page line it comes from.
public struct RunbookCheck: Sendable {
    public var runbook: Runbook
    /// The generated script to run (the committed `runbooks/<id>.sh`).
    public var script: URL
    public var fixture: Fixture
    /// The page as diagnostics name it.
    public var page: String
    /// The docket executable (serves the fixture inside the sandbox).
    public var server: URL
    public var keep: Bool
    public var unsandboxed: Bool

    public init(runbook: Runbook, script: URL, fixture: Fixture, page: String, server: URL, keep: Bool, unsandboxed: Bool) {
        self.runbook = runbook
        self.script = script
        self.fixture = fixture
        self.page = page
        self.server = server
        self.keep = keep
        self.unsandboxed = unsandboxed
    }

    public func run() throws(SandboxError) -> RunbookCheckResult {
        let folder = URL(fileURLWithPath: fixture.folder)
        var arguments = ["--yes", "--log", "./\(runbook.id).runbook.log", "--state", Sandbox.home + "/.local/state/docket/\(runbook.id).journal"]
        for (name, value) in fixture.params { arguments += ["--param", "\(name)=\(value)"] }
        let home = folder.appendingPathComponent("home"), work = folder.appendingPathComponent("work")
        var spec = SandboxSpec(
            script: script, arguments: arguments,
            home: FileManager.default.fileExists(atPath: home.path) ? home : nil,
            work: FileManager.default.fileExists(atPath: work.path) ? work : nil,
            directory: fixture.directory, stubs: fixture.stubs, routes: fixture.routes,
            timeout: TimeInterval(fixture.timeoutSeconds), stepTimeout: fixture.stepTimeoutSeconds,
            environment: [:], server: server, unsandboxed: unsandboxed)
        spec.extraHosts = fixture.hosts
        let result = try Sandbox.run(spec)
        defer { if !keep { try? FileManager.default.removeItem(at: result.folder) } }
        var evaluation = Evaluation(check: self, result: result)
        evaluation.run()
        return RunbookCheckResult(runbook: runbook.id, steps: evaluation.steps, failures: evaluation.failures,
                                  duration: result.duration, keptFolder: keep ? result.folder : nil)
    }

    /// Secret parameter values of the fixture, masked in everything reported.
    var secrets: [String] {
        let secretNames = Set(runbook.parameters.filter(\.secret).map(\.name))
        return fixture.params.filter { secretNames.contains($0.name) && !$0.value.isEmpty }.map(\.value)
    }
}

/// Compares a sandbox result with the fixture's expectations.
private struct Evaluation {
    let check: RunbookCheck
    let result: SandboxResult
    let locator: StepLocator
    var steps: [RunbookCheckResult.StepResult] = []
    var failures: [Diagnostic] = []
    /// Page line ranges of steps that did not run because an earlier one failed: failed
    /// expectations inside them are consequences, counted rather than reported one by one.
    var consequenceRanges: [ClosedRange<Int>] = []
    var suppressed = 0

    init(check: RunbookCheck, result: SandboxResult) {
        self.check = check
        self.result = result
        locator = StepLocator(runbook: check.runbook, page: check.page)
    }

    private func redact(_ text: String) -> String {
        check.secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "********") }
    }

    private mutating func fail(_ location: SourceLocation, _ message: String, detail: String? = nil) {
        if location.path == check.page, consequenceRanges.contains(where: { $0.contains(location.line) }) {
            suppressed += 1
            return
        }
        failures.append(Diagnostic(.error, at: location, "runbook \(check.runbook.id): \(message)", detail: detail.map(redact)))
    }

    mutating func run() {
        checkSteps()
        let skippedReport = failures.firstIndex { $0.message.contains(" did not run because ") }
        checkFiles()
        checkCalls()
        checkRequests()
        checkOutput()
        if let skippedReport, suppressed > 0 {
            failures[skippedReport].message += " (\(suppressed) expectation\(suppressed == 1 ? "" : "s") about them not checked)"
        }
    }

    private mutating func checkSteps() {
        let segments = OutputSegments.split(result.output)
        let statuses = Dictionary(result.steps.map { ($0.name, $0.status) }, uniquingKeysWith: { a, _ in a })
        if result.output.isEmpty && result.steps.isEmpty, let exit = result.exitStatus, exit != 0 {
            fail(check.fixture.location, "the runbook did not start (exit status \(exit))", detail: OutputSegments.tail(result.output))
        }
        var stoppedBy: String?
        var skippedAfterFailure: [RunbookStep] = []
        for step in check.runbook.steps {
            let actual: Expectations.StepOutcome
            switch statuses[step.name] {
            case 0?: actual = .ok
            case let status?: actual = .failed(status)
            case nil: actual = .skipped
            }
            let expected = check.fixture.expectations.steps[step.name] ?? check.fixture.expectations.defaultStep
            let output = segments[step.name] ?? ""
            var location = locator.location(of: step)
            var detail = OutputSegments.tail(output)
            if case .failed = actual, let failing = OutputSegments.failingCommand(in: output, source: check.runbook.source) {
                location.line = failing.line
                let bodyIndex = failing.line - step.startLine - 1
                let lines = step.body.split(separator: "\n", omittingEmptySubsequences: false)
                if bodyIndex >= 0 && bodyIndex < lines.count {
                    var start = bodyIndex
                    while start > 0 && (lines[start - 1].hasSuffix("\\") || lines[start - 1].hasSuffix("|")) { start -= 1 }
                    var end = bodyIndex
                    while end + 1 < lines.count && (lines[end].hasSuffix("\\") || lines[end].hasSuffix("|")) { end += 1 }
                    let command = lines[start...end].joined(separator: "\n")
                    if let offset = PipelineExplanation.failingStageLine(command: command, statuses: failing.statuses) {
                        location.line = step.startLine + 1 + start + offset
                    }
                    if let explanation = PipelineExplanation.explain(command: command, statuses: failing.statuses) {
                        detail = explanation + "\n" + detail
                    }
                }
            }
            if case .failed = actual, step.kind == .file, let missing = Self.firstMissingLine(in: output),
               let index = step.body.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: { $0.contains(missing) }) {
                // A verify step: point at the first line of the block the file lacks.
                location.line = step.startLine + index + 1
            }
            let stepResult = RunbookCheckResult.StepResult(name: step.name, actual: actual, expected: expected, location: location, output: redact(output))
            steps.append(stepResult)
            if case .failed = actual { stoppedBy = step.name }
            guard !stepResult.passed else { continue }
            if actual == .skipped, stoppedBy != nil, !result.timedOut {
                skippedAfterFailure.append(step)
                continue
            }
            if result.timedOut && actual == .skipped && statuses.count == check.runbook.steps.firstIndex(where: { $0.name == step.name }) {
                fail(location, "step \(step.name) was stopped at the run's time limit (\(check.fixture.timeoutSeconds) s)", detail: detail)
                continue
            }
            switch actual {
            case .failed(let status):
                fail(location, "step \(step.name) failed with exit status \(status ?? -1), the fixture expects it \(expected)", detail: detail)
            default:
                fail(location, "step \(step.name) was \(actual), the fixture expects it \(expected)", detail: detail)
            }
        }
        if let stoppedBy, let first = skippedAfterFailure.first {
            fail(locator.location(of: first), "\(skippedAfterFailure.count) later step\(skippedAfterFailure.count == 1 ? "" : "s") did not run because \(stoppedBy) failed: " +
                 skippedAfterFailure.map(\.name).joined(separator: ", "))
            consequenceRanges = skippedAfterFailure.map { $0.startLine...$0.endLine }
        }
    }

    /// The first line a verify step reported missing (for YAML, the value after the path).
    static func firstMissingLine(in output: String) -> String? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        guard let marker = lines.firstIndex(where: { $0.hasSuffix("missing:") }), marker + 1 < lines.count else { return nil }
        var missing = lines[marker + 1].trimmingCharacters(in: .whitespaces)
        if let tab = missing.lastIndex(of: "\t") { missing = String(missing[missing.index(after: tab)...]) }
        return missing.isEmpty ? nil : missing
    }

    private func hostPath(_ path: String) -> URL {
        if path.hasPrefix("~/") { return result.home.appendingPathComponent(String(path.dropFirst(2))) }
        if path.hasPrefix(Sandbox.work + "/") { return result.work.appendingPathComponent(String(path.dropFirst(Sandbox.work.count + 1))) }
        if path.hasPrefix(Sandbox.home + "/") { return result.home.appendingPathComponent(String(path.dropFirst(Sandbox.home.count + 1))) }
        return result.home.appendingPathComponent(path)
    }

    private mutating func checkFiles() {
        for file in check.fixture.expectations.files {
            let url = hostPath(file.path)
            let stepLocation = locator.location(ofFile: file.path) ?? file.location
            let exists = FileManager.default.fileExists(atPath: url.path)
            if exists != file.exists {
                fail(stepLocation, file.exists ? "\(file.path) was not created" : "\(file.path) exists, the fixture expects it absent")
                continue
            }
            guard exists else { continue }
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            let lines = Set(text.split(separator: "\n").map(String.init))
            if let mode = file.mode, let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
               let actual = attributes[.posixPermissions] as? Int, String(actual & 0o777, radix: 8) != mode {
                fail(stepLocation, "\(file.path) has mode \(String(actual & 0o777, radix: 8)), the fixture expects \(mode)")
            }
            for line in file.contains where !lines.contains(line) {
                let key = line.firstIndex(of: "=").map { String(line[..<$0]) }
                let similar = lines.filter { key != nil && $0.hasPrefix(key! + "=") }.sorted()
                let location = locator.fileStepLine(file.path, key: key) ?? key.flatMap(locator.line(setting:)) ?? stepLocation
                fail(location, "\(file.path) has no line '\(line)'",
                     detail: similar.isEmpty ? "the file:\n" + OutputSegments.tail(text, 20) : "found instead: " + similar.joined(separator: ", "))
            }
            for fragment in file.notContains where text.contains(fragment) {
                let offending = text.split(separator: "\n").filter { $0.contains(fragment) }.map(String.init)
                fail(stepLocation, "\(file.path) contains '\(fragment)', which the fixture forbids", detail: offending.joined(separator: "\n"))
            }
            for pattern in file.matches {
                let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
                if regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    // `^PG_PASS=…` points at the line that sets PG_PASS.
                    let key = pattern.drop { $0 == "^" }.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                    let location = key.isEmpty ? stepLocation : (locator.fileStepLine(file.path, key: String(key)) ?? locator.line(setting: String(key)) ?? stepLocation)
                    fail(location, "no line of \(file.path) matches \(pattern)", detail: "the file:\n" + OutputSegments.tail(text, 20))
                }
            }
            for pattern in file.notMatches {
                let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
                if regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                    fail(stepLocation, "a line of \(file.path) matches \(pattern), which the fixture forbids")
                }
            }
            if let sameAs = file.sameAs {
                let expected = (try? String(contentsOf: URL(fileURLWithPath: check.fixture.folder).appendingPathComponent(sameAs), encoding: .utf8)) ?? ""
                if expected != text {
                    fail(stepLocation, "\(file.path) differs from the fixture's \(sameAs)",
                         detail: TextDiff.unified(old: expected, new: text, oldName: "\(sameAs) (expected)", newName: "\(file.path) (after the run)"))
                }
            }
            if let subset = file.yamlSubset, !StructuredSubset.yaml(subset, isIn: text) {
                fail(stepLocation, "\(file.path) does not contain the YAML the fixture expects", detail: subset)
            }
            if let subset = file.jsonSubset, !StructuredSubset.json(subset, isIn: text) {
                fail(stepLocation, "\(file.path) does not contain the JSON the fixture expects", detail: subset)
            }
        }
    }

    private mutating func checkCalls() {
        let actual = result.calls.map(\.command)
        var next = 0
        for (expected, isPattern, location) in check.fixture.expectations.calls {
            let regex = isPattern ? try? NSRegularExpression(pattern: expected) : nil
            let matches = { (command: String) -> Bool in
                guard let regex else { return command == expected }
                return regex.firstMatch(in: command, range: NSRange(command.startIndex..., in: command)) != nil
            }
            if let found = actual[next...].firstIndex(where: matches) {
                next = found + 1
                continue
            }
            let where_ = locator.line(runningPrefixOf: expected.split(separator: " ").map(String.init)) ?? location
            let made = result.calls.map { "\($0.step.isEmpty ? "-" : $0.step): \($0.command)" }
            // The literal words at the start of a pattern (`^systemctl restart [a-z]+$` → systemctl
            // restart) find the line that makes such a call.
            let tokens: [String] = expected.split(separator: " ").map { token in String(token.filter { $0 != "^" && $0 != "$" }) }
            let words = isPattern ? Array(tokens.prefix { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }) : []
            let patternWhere = isPattern ? locator.line(runningPrefixOf: words) : nil
            fail(patternWhere ?? where_, "the fixture expects \(isPattern ? "a call matching" : "the call") '\(expected)'\(actual.contains(where: matches) ? " later, in the order listed" : ", which was not made")",
                 detail: "calls made:\n" + (made.isEmpty ? "(none)" : made.joined(separator: "\n")))
        }
    }

    private mutating func checkRequests() {
        let made = result.requests.map { "\($0.method) \($0.url)" }
        for (expected, location) in check.fixture.expectations.requests where !made.contains(expected) {
            let path = expected.split(separator: " ").last.flatMap { URLComponents(string: String($0))?.path } ?? expected
            let where_ = locator.line(containing: path) ?? location
            fail(where_, "the fixture server did not receive '\(expected)'",
                 detail: "requests received:\n" + (result.requests.isEmpty ? "(none)" : result.requests.map { "\($0.method) \($0.url) → \($0.status)" }.joined(separator: "\n")))
        }
    }

    private mutating func checkOutput() {
        for text in check.fixture.expectations.outputContains where !result.output.contains(text) {
            fail(check.fixture.location, "the output does not contain '\(text)'", detail: OutputSegments.tail(result.output))
        }
        for text in check.fixture.expectations.outputNotContains where result.output.contains(text) {
            fail(check.fixture.location, "the output contains '\(text)', which the fixture forbids")
        }
    }
}
