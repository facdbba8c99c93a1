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
    /// The programs the sandbox starts, found by the caller.
    public var tools: SandboxTools
    /// The host user the sandbox runs as when docket is root (nil: nobody).
    public var user: SandboxUser?

    public init(
        runbook: Runbook, script: URL, fixture: Fixture, page: String, server: URL, keep: Bool, unsandboxed: Bool,
        tools: SandboxTools, user: SandboxUser? = nil
    ) {
        self.runbook = runbook
        self.script = script
        self.fixture = fixture
        self.page = page
        self.server = server
        self.keep = keep
        self.unsandboxed = unsandboxed
        self.tools = tools
        self.user = user
    }

    public func run() throws(SandboxError) -> RunbookCheckResult {
        let folder = URL(fileURLWithPath: fixture.folder)
        var arguments = [
            "--yes", "--log", "./\(runbook.id).runbook.log", "--state",
            Sandbox.home + "/.local/state/docket/\(runbook.id).journal",
        ]
        // Parameter values never go on a command line (a host's `ps` lists bwrap's, and every
        // process inside can read the runtime's): in the sandbox they are a 0600 file of its
        // control folder; without it, variables of the environment file the sandbox reads.
        var environment: [String: String] = [:]
        var controlFiles: [String: Data] = [:]
        if unsandboxed {
            for (name, value) in fixture.params { environment[name] = value }
        } else if !fixture.params.isEmpty {
            controlFiles[Self.paramsFile] = Data(Self.paramsFileText(fixture.params).utf8)
            arguments += ["--params-file", Sandbox.controlPath(Self.paramsFile)]
        }
        // Both trees were vetted when the fixture was loaded (FixturePaths.vetTree).
        let isFolder = { (name: String) in (try? SandboxFile.kind(of: name, beneath: folder)) == .directory }
        var spec = SandboxSpec(
            script: script, arguments: arguments,
            home: isFolder("home") ? folder.appendingPathComponent("home") : nil,
            work: isFolder("work") ? folder.appendingPathComponent("work") : nil,
            directory: fixture.directory, stubs: fixture.stubs, routes: fixture.routes,
            timeout: TimeInterval(fixture.timeoutSeconds), stepTimeout: fixture.stepTimeoutSeconds,
            environment: environment, server: server, tools: tools, unsandboxed: unsandboxed)
        spec.user = user
        spec.extraHosts = fixture.hosts
        spec.controlFiles = controlFiles
        spec.limits = fixture.limits
        // root/: laid writable over the system (vetted with the fixture, FixtureOverlay).
        spec.system = isFolder("root") ? folder.appendingPathComponent("root") : nil
        let result = try Sandbox.run(spec)
        defer { if !keep { result.discard() } }
        var evaluation = Evaluation(check: self, result: result)
        evaluation.run()
        var checked = RunbookCheckResult(
            runbook: runbook.id, steps: evaluation.steps, expectations: evaluation.expectations,
            failures: evaluation.failures, duration: result.duration, keptFolders: keep ? [result.folder] : [])
        // Operators re-run guides: a run that passed runs again, same parameters, on the trees it
        // left, and must succeed without changing a file. A run expected to fail is not rerun.
        let succeeded = result.observedExitStatus == 0 && !result.timedOut
        if fixture.idempotent, checked.passed, succeeded, !unsandboxed {
            let before = IdempotenceSnapshot(result)
            var again = spec
            again.home = result.home
            again.work = result.work
            again.system = result.system
            // Which step changed a file is told by the file's time: the runtime keeps the steps
            // more than a tick of the file clock apart (FileTimeClock).
            again.environment["DOCKET_STEP_PAUSE"] = FileTimeClock.stepPause
            let second = try Sandbox.run(again)
            defer { if !keep { second.discard() } }
            if keep { checked.keptFolders.append(second.folder) }
            let found = IdempotenceCheck(check: self, first: before, second: second).failures(
                masking: masked(after: result))
            checked.failures += found
            checked.expectations.append(
                RunbookCheckResult.ExpectationResult(
                    name: "idempotent (a second run changes nothing)", location: fixture.location,
                    state: found.isEmpty ? .passed : .failed, failures: found))
            checked.duration += second.duration
        }
        return checked
    }

    /// The control file holding the parameters (`/tmp/docket/params.env` inside).
    static let paramsFile = "params.env"

    /// `NAME=VALUE` lines as the runtime's `--params-file` reads them (`docket_read_params_file`
    /// in ScriptRuntime.swift, a dotenv reader that never runs anything): a value is written bare
    /// when the reader takes it back verbatim (no space at either end, no quote first, no ` #`,
    /// which starts a comment), else in double quotes with `\`, `"`, `$` and `` ` `` escaped, the
    /// only escapes the reader undoes. The loader refuses values with a line break, which no
    /// line can carry.
    static func paramsFileText(_ params: [(name: String, value: String)]) -> String {
        params.map { "\($0.name)=\(paramsFileValue($0.value))\n" }.joined()
    }

    static func paramsFileValue(_ value: String) -> String {
        let first = value.first, last = value.last
        let bare =
            !(first?.isWhitespace ?? false) && first != "'" && first != "\""
            && !(last?.isWhitespace ?? false)
            && value.range(of: "\\s#", options: .regularExpression) == nil
        if bare { return value }
        var quoted = "\""
        for character in value {
            if "\\\"$`".contains(character) { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// Secret parameter values of the fixture, masked in everything reported.
    var secrets: [String] {
        let secretNames = Set(runbook.parameters.filter(\.secret).map(\.name))
        return fixture.params.filter { secretNames.contains($0.name) && !$0.value.isEmpty }.map(\.value)
    }

    /// What reports mask: the secret parameters, and the secrets the run generated into files of
    /// its home and working tree (`GeneratedSecrets`); longest first, so that no part of a
    /// longer secret survives the masking of a shorter one inside it.
    func masked(after result: SandboxResult) -> [String] {
        let folder = URL(fileURLWithPath: fixture.folder)
        let generated = GeneratedSecrets.find(
            in: [result.home, result.work],
            excluding: [folder.appendingPathComponent("home"), folder.appendingPathComponent("work")])
        return Array(Set(secrets).union(generated)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }
}

/// Compares a sandbox result with the fixture's expectations.
private struct Evaluation {
    let check: RunbookCheck
    let result: SandboxResult
    let locator: StepLocator
    var steps: [RunbookCheckResult.StepResult] = []
    var expectations: [RunbookCheckResult.ExpectationResult] = []
    var failures: [Diagnostic] = []
    /// The error of the step whose failure stopped the run: its consequences are told under it.
    var rootCause: Int?
    /// Page line ranges of steps that did not run because an earlier one failed: failed
    /// expectations inside them are consequences, counted rather than reported one by one.
    var consequenceRanges: [ClosedRange<Int>] = []
    var suppressed = 0
    /// The page lines of the step whose unexpected failure stopped the run: what the fixture
    /// expects of its own results is a consequence of that failure too.
    var failedStepRange: ClosedRange<Int>?
    var suppressedInFailed = 0
    /// Masked in every message, detail and step output.
    let secrets: [String]

    /// The runtime's step events (typed JSON lines, or the older `NAME STATUS` lines).
    let timeline: StepTimeline

    init(check: RunbookCheck, result: SandboxResult) {
        self.check = check
        self.result = result
        timeline = StepTimeline(
            result.statusLines.isEmpty
                ? result.steps.map { StatusEvent(event: .end, step: $0.name, status: $0.status) }
                : result.statusLines.compactMap(StatusEvent.parse))
        locator = StepLocator(runbook: check.runbook, page: check.page)
        secrets = check.masked(after: result)
    }

    private func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "********") }
    }

    private mutating func fail(
        _ location: SourceLocation, _ message: String, detail: String? = nil, code: String, step: String? = nil,
        related: [SourceLocation] = []
    ) {
        if location.path == check.page, consequenceRanges.contains(where: { $0.contains(location.line) }) {
            suppressed += 1
            return
        }
        if location.path == check.page, code.hasPrefix("expect."), failedStepRange?.contains(location.line) == true {
            suppressed += 1
            suppressedInFailed += 1
            return
        }
        failures.append(
            Diagnostic(
                .error, at: location, redact("runbook \(check.runbook.id): \(message)"), detail: detail.map(redact),
                code: code, step: step, related: related))
    }

    /// Runs the checks of one expectation and records whether it passed, failed or could not be
    /// checked (its step did not run), for the JUnit report's one case per expectation.
    private mutating func expectation(_ name: String, at location: SourceLocation, _ body: (inout Evaluation) -> Void) {
        let before = failures.count, suppressedBefore = suppressed
        body(&self)
        let found = Array(failures[before...])
        let state: RunbookCheckResult.ExpectationResult.State =
            !found.isEmpty ? .failed : suppressed > suppressedBefore ? .notChecked : .passed
        expectations.append(
            RunbookCheckResult.ExpectationResult(name: name, location: location, state: state, failures: found))
    }

    mutating func run() {
        checkSteps()
        checkFiles()
        checkCalls()
        checkRequests()
        checkOutput()
        // One cause, one error: what the stopped run left unchecked is one line under it.
        if let rootCause, !skippedAfterFailure.isEmpty || suppressedInFailed > 0 {
            let names = skippedAfterFailure.map(\.name)
            var parts: [String] = []
            if suppressedInFailed > 0, let failed = failures[rootCause].step { parts.append("step \(failed) failed") }
            if !names.isEmpty {
                let span =
                    names.count == 1
                    ? "step \(names[0]) did not run" : "steps \(names[0])–\(names[names.count - 1]) did not run"
                let numbers = check.runbook.steps.indices.filter { names.contains(check.runbook.steps[$0].name) }.map {
                    $0 + 1
                }
                let range =
                    numbers.count > 1
                    ? " (\(numbers[0])–\(numbers[numbers.count - 1]))" : numbers.first.map { " (\($0))" } ?? ""
                parts.append(span + range)
            }
            let line =
                suppressed > 0
                ? "\("expectation".counted(suppressed)) not checked: \(parts.joined(separator: " and "))"
                : parts.joined(separator: " and ")
            failures[rootCause].detail = line + (failures[rootCause].detail.map { "\n" + $0 } ?? "")
        }
    }

    /// Steps that did not run because an earlier one failed (and were expected to run).
    var skippedAfterFailure: [RunbookStep] = []

    private mutating func checkSteps() {
        // The status bwrap reported to docket outside is the one nothing inside can rewrite; the
        // control folder's `exit` file is the run's own word, and must agree with it.
        let exitStatus = result.observedExitStatus ?? result.exitStatus
        if let observed = result.observedExitStatus, let written = result.exitStatus, observed != written {
            fail(
                check.fixture.location,
                "the runbook exited with status \(observed), but its exit status file says \(written) (the step outcomes cannot be trusted)",
                code: "run.exit-status")
        }
        for note in result.notes {
            fail(check.fixture.location, "sandbox: \(note)", code: "run.sandbox")
        }
        let reports = StepReports(
            reported: timeline.reported, exitStatus: exitStatus, stepNames: check.runbook.steps.map(\.name))
        let statuses = reports.statuses
        for problem in reports.problems {
            fail(
                problem.step.flatMap(locator.step(named:)).map { locator.location(of: $0) } ?? check.fixture.location,
                problem.message + " (the step outcomes cannot be trusted)", detail: OutputSegments.tail(result.output),
                code: "step.report", step: problem.step)
        }
        if timeline.reported.isEmpty, let exit = exitStatus, exit != 0,
            check.runbook.steps.contains(where: {
                (check.fixture.expectations.steps[$0.name] ?? check.fixture.expectations.defaultStep) != .skipped
            })
        {
            fail(
                check.fixture.location, "the runbook exited with status \(exit) before any step reported an outcome",
                detail: OutputSegments.tail(result.output),
                code: "run.no-outcome")
        }
        var stoppedBy: String?
        for step in check.runbook.steps {
            let actual: Expectations.StepOutcome
            switch statuses[step.name] {
            case 0?: actual = .ok
            case let status?: actual = .failed(status)
            case nil: actual = .skipped
            }
            let expected = check.fixture.expectations.steps[step.name] ?? check.fixture.expectations.defaultStep
            // What the step printed, as its end event carries it.
            let output = timeline.end(of: step.name)?.output ?? ""
            var location = locator.location(of: step)
            var detail = OutputSegments.tail(output)
            // The failing page line and the pipeline's statuses, as data of the step's end event.
            let ended = timeline.end(of: step.name)
            if case .failed = actual, let ended, let line = ended.line {
                let failing = (line: line, statuses: ended.pipestatus ?? [])
                location.line = failing.line
                let bodyIndex = failing.line - step.startLine - 1
                let lines = step.body.split(separator: "\n", omittingEmptySubsequences: false)
                if bodyIndex >= 0 && bodyIndex < lines.count {
                    var start = bodyIndex
                    while start > 0 && (lines[start - 1].hasSuffix("\\") || lines[start - 1].hasSuffix("|")) {
                        start -= 1
                    }
                    var end = bodyIndex
                    while end + 1 < lines.count && (lines[end].hasSuffix("\\") || lines[end].hasSuffix("|")) {
                        end += 1
                    }
                    let command = lines[start...end].joined(separator: "\n")
                    if let offset = PipelineExplanation.failingStageLine(command: command, statuses: failing.statuses) {
                        location.line = step.startLine + 1 + start + offset
                    }
                    if let explanation = PipelineExplanation.explain(command: command, statuses: failing.statuses) {
                        detail = explanation + "\n" + detail
                    }
                }
            }
            if case .failed = actual, step.kind == .file, let missing = ended?.missing?.first.map(Self.comparable),
                let index = step.body.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: {
                    $0.contains(missing)
                })
            {
                // A verify step: point at the first line of the block the file lacks.
                location.line = step.startLine + index + 1
            }
            let stepResult = RunbookCheckResult.StepResult(
                name: step.name, actual: actual, expected: expected, location: location, output: redact(output))
            steps.append(stepResult)
            if case .failed = actual { stoppedBy = step.name }
            guard !stepResult.passed else { continue }
            if actual == .skipped, stoppedBy != nil, !result.timedOut {
                skippedAfterFailure.append(step)
                continue
            }
            if result.timedOut && actual == .skipped
                && statuses.count == check.runbook.steps.firstIndex(where: { $0.name == step.name })
            {
                fail(
                    location,
                    "step \(step.name) was stopped at the run's time limit (\(check.fixture.timeoutSeconds) s)",
                    detail: detail,
                    code: "step.timeout", step: step.name)
                continue
            }
            switch actual {
            case .failed(let status):
                fail(
                    location,
                    "step \(step.name) failed with exit status \(status ?? -1), the fixture expects it \(expected)",
                    detail: detail,
                    code: "step.failed", step: step.name)
                if stoppedBy == step.name {
                    rootCause = failures.count - 1
                    failedStepRange = step.startLine...step.endLine
                }
            default:
                fail(
                    location, "step \(step.name) was \(actual), the fixture expects it \(expected)", detail: detail,
                    code: "step.outcome", step: step.name)
            }
        }
        if stoppedBy != nil, !skippedAfterFailure.isEmpty {
            consequenceRanges += skippedAfterFailure.map { $0.startLine...$0.endLine }
            // A failure the fixture expected stops the run too; its consequences then need a
            // line of their own.
            if rootCause == nil, let first = skippedAfterFailure.first {
                fail(
                    locator.location(of: first), "step \(first.name) did not run because \(stoppedBy!) failed",
                    code: "step.not-run", step: first.name)
                rootCause = failures.count - 1
            }
        }
    }

    /// A missing line as the page shows it: a YAML verify reports `path<TAB>value`, the value
    /// being what the page's block holds.
    static func comparable(_ missing: String) -> String {
        var text = missing.trimmingCharacters(in: .whitespaces)
        if let tab = text.lastIndex(of: "\t") { text = String(text[text.index(after: tab)...]) }
        return text
    }

    /// The tree a checked path lies in, the path relative to it, and how to show a part of it:
    /// `~/a/b` → (home, `a/b`, `~/`).
    private func treePath(_ path: String) -> (root: URL, relative: String, shown: String) {
        if path.hasPrefix("~/") { return (result.home, String(path.dropFirst(2)), "~/") }
        if path.hasPrefix(Sandbox.work + "/") {
            return (result.work, String(path.dropFirst(Sandbox.work.count + 1)), Sandbox.work + "/")
        }
        if path.hasPrefix(Sandbox.home + "/") {
            return (result.home, String(path.dropFirst(Sandbox.home.count + 1)), Sandbox.home + "/")
        }
        // A system path the fixture's root/ overlays: read in the sandbox's copy of root/.
        if path.hasPrefix("/"), let system = result.system { return (system, String(path.dropFirst()), "/") }
        return (result.home, path, "")
    }

    /// A failure to read a checked file, said at the file: "~/x.env is a symbolic link, the
    /// fixture expects a file".
    private func problem(_ error: SandboxFileError, file: String, shown: String) -> String {
        let isFile = error.path == "." || error.path == treePath(file).relative
        let part = isFile ? file : shown + error.path
        switch error {
        case .symbolicLink: return "\(part) is a symbolic link, the fixture expects \(isFile ? "a file" : "a folder")"
        case .notADirectory(_, let kind): return "\(part) is \(kind), the fixture expects a folder"
        case .notAFile(_, let kind): return "\(file) is \(kind), the fixture expects a file"
        case .missing: return "\(file) was not created"
        case .escapes: return "\(file) is outside the sandbox's home and working tree"
        case .tooLarge(_, let limit): return "\(file) is larger than \(limit >> 20) MiB, more than docket reads"
        case .unreadable(_, let reason): return "\(file) cannot be read: \(reason)"
        }
    }

    private mutating func checkFiles() {
        for file in check.fixture.expectations.files {
            expectation("file \(file.path)", at: file.location) { $0.checkFile(file) }
        }
    }

    private mutating func checkFile(_ file: Expectations.FileCheck) {
        let (root, relative, shown) = treePath(file.path)
        let stepLocation = locator.location(ofFile: file.path) ?? file.location
        // Nothing is followed: a link the run left where the fixture expects a file (or a
        // folder on the way to it) is reported as such, and what it points at never read.
        let kind: SandboxFile.Kind?
        do {
            kind = try SandboxFile.kind(of: relative, beneath: root)
        } catch {
            fail(
                stepLocation, problem(error, file: file.path, shown: shown), code: "expect.file",
                related: [file.location])
            return
        }
        guard file.exists else {
            if let kind {
                fail(
                    stepLocation,
                    "\(file.path) exists\(kind == .file ? "" : " (\(kind))"), the fixture expects it absent",
                    code: "expect.file", related: [file.location])
            }
            return
        }
        guard kind != nil else {
            fail(stepLocation, "\(file.path) was not created", code: "expect.file", related: [file.location])
            return
        }
        let read: SandboxFile
        do {
            read = try SandboxFile.read(relative, beneath: root)
        } catch {
            fail(
                stepLocation, problem(error, file: file.path, shown: shown), code: "expect.file",
                related: [file.location])
            return
        }
        let text = read.text
        let lines = Set(text.split(separator: "\n").map(String.init))
        if let mode = file.mode, String(read.mode & 0o777, radix: 8) != mode {
            fail(
                stepLocation,
                "\(file.path) has mode \(String(read.mode & 0o777, radix: 8)), the fixture expects \(mode)",
                code: "expect.file", related: [file.location])
        }
        for line in file.contains where !lines.contains(line) {
            let key = line.firstIndex(of: "=").map { String(line[..<$0]) }
            let similar = lines.filter { key != nil && $0.hasPrefix(key! + "=") }.sorted()
            let location =
                locator.fileStepLine(file.path, key: key) ?? key.flatMap(locator.line(setting:))
                ?? writingLine(for: line, in: file, near: stepLocation) ?? stepLocation
            fail(
                location, "\(file.path) has no line '\(line)'",
                detail: similar.isEmpty
                    ? "the file:\n" + OutputSegments.tail(text, 20)
                    : "found instead: " + similar.joined(separator: ", "), code: "expect.file", related: [file.location]
            )
        }
        for fragment in file.notContains where text.contains(fragment) {
            let offending = text.split(separator: "\n").filter { $0.contains(fragment) }.map(String.init)
            fail(
                stepLocation, "\(file.path) contains '\(fragment)', which the fixture forbids",
                detail: offending.joined(separator: "\n"), code: "expect.file", related: [file.location])
        }
        for pattern in file.matches {
            let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            if regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                // `^PG_PASS=…` points at the line that sets PG_PASS.
                let key = pattern.drop { $0 == "^" }.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                let location =
                    key.isEmpty
                    ? stepLocation
                    : (locator.fileStepLine(file.path, key: String(key)) ?? locator.line(setting: String(key))
                        ?? writingLine(for: String(key) + "=", in: file, near: stepLocation) ?? stepLocation)
                fail(
                    location, "no line of \(file.path) matches \(pattern)",
                    detail: "the file:\n" + OutputSegments.tail(text, 20), code: "expect.file", related: [file.location]
                )
            }
        }
        for pattern in file.notMatches {
            let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            if regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                fail(
                    stepLocation, "a line of \(file.path) matches \(pattern), which the fixture forbids",
                    code: "expect.file", related: [file.location])
            }
        }
        if let sameAs = file.sameAs {
            let expected: String
            do {
                expected = try SandboxFile.read(sameAs, beneath: URL(fileURLWithPath: check.fixture.folder)).text
            } catch {
                fail(file.location, "the same_as file \(error)", code: "expect.file", related: [file.location])
                return
            }
            if expected != text {
                fail(
                    stepLocation, "\(file.path) differs from the fixture's \(sameAs)",
                    detail: TextDiff.unified(
                        old: expected, new: text, oldName: "\(sameAs) (expected)",
                        newName: "\(file.path) (after the run)"), code: "expect.file", related: [file.location])
            }
        }
        if let subset = file.yamlSubset, !StructuredSubset.yaml(subset, isIn: text) {
            fail(
                stepLocation, "\(file.path) does not contain the YAML the fixture expects", detail: subset,
                code: "expect.file", related: [file.location])
        }
        if let subset = file.jsonSubset, !StructuredSubset.json(subset, isIn: text) {
            fail(
                stepLocation, "\(file.path) does not contain the JSON the fixture expects", detail: subset,
                code: "expect.file", related: [file.location])
        }
    }

    /// Where a line the fixture expects in `file`, and no step line sets, comes from: for
    /// `KEY=value`, the line of the step writing the file (the one at `near`) that sets a key the
    /// fixture does not expect there (a misspelt key); for another line (`reverse_proxy
    /// localhost:8000`), the step line starting with the same word (`reverse_proxy localhost:8001`).
    private func writingLine(for expected: String, in file: Expectations.FileCheck, near: SourceLocation)
        -> SourceLocation?
    {
        let isBlank = { (c: Character) in c == " " || c == "\t" }
        let writer = check.runbook.steps.first {
            near.line >= $0.startLine
                && near.line <= $0.startLine + $0.body.split(separator: "\n", omittingEmptySubsequences: false).count
        }
        if expected.contains("=") {
            guard let writer else { return nil }
            let expectedKeys = Set(
                (file.contains + file.matches.map { String($0.drop { $0 == "^" }) }).compactMap { line in
                    line.firstIndex(of: "=").map { String(line[..<$0]) }
                })
            for (index, line) in writer.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = line.drop(while: isBlank)
                guard let match = text.range(of: "^[A-Za-z_][A-Za-z0-9_]*=", options: .regularExpression) else {
                    continue
                }
                if !expectedKeys.contains(String(text[match].dropLast())) {
                    return locator.location(of: writer, bodyLine: index + 1)
                }
            }
            return nil
        }
        guard let word = expected.split(whereSeparator: isBlank).first else { return nil }
        for step in (writer.map { [$0] } ?? []) + check.runbook.steps {
            for (index, line) in step.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let first = line.split(whereSeparator: isBlank).first
                if first == word { return locator.location(of: step, bodyLine: index + 1) }
            }
        }
        return nil
    }

    private mutating func checkCalls() {
        var next = 0
        for (expected, isPattern, location) in check.fixture.expectations.calls {
            expectation("call \(expected)", at: location) {
                $0.checkCall(expected, isPattern: isPattern, location: location, next: &next)
            }
        }
    }

    private mutating func checkCall(_ expected: String, isPattern: Bool, location: SourceLocation, next: inout Int) {
        let actual = result.calls.map(\.command)
        do {
            let regex = isPattern ? try? NSRegularExpression(pattern: expected) : nil
            let matches = { (command: String) -> Bool in
                guard let regex else { return command == expected }
                return regex.firstMatch(in: command, range: NSRange(command.startIndex..., in: command)) != nil
            }
            if let found = actual[next...].firstIndex(where: matches) {
                next = found + 1
                return
            }
            let callLine = locator.line(runningPrefixOf: expected.split(separator: " ").map(String.init)) ?? location
            let made = result.calls.map { "\($0.step.isEmpty ? "-" : $0.step): \($0.command)" }
            // The literal words at the start of a pattern (`^systemctl restart [a-z]+$` → systemctl
            // restart) find the line that makes such a call.
            let tokens: [String] = expected.split(separator: " ").map { token in
                String(token.filter { $0 != "^" && $0 != "$" })
            }
            let words =
                isPattern
                ? Array(
                    tokens.prefix {
                        !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                    }) : []
            let patternWhere = isPattern ? locator.line(runningPrefixOf: words) : nil
            fail(
                patternWhere ?? callLine,
                "the fixture expects \(isPattern ? "a call matching" : "the call") '\(expected)'\(actual.contains(where: matches) ? " later, in the order listed" : ", which was not made")",
                detail: "calls made:\n" + (made.isEmpty ? "(none)" : made.joined(separator: "\n")), code: "expect.call",
                related: [location])
        }
    }

    private mutating func checkRequests() {
        let made = result.requests.map { "\($0.method) \($0.url)" }
        let received =
            "requests received:\n"
            + (result.requests.isEmpty
                ? "(none)"
                : result.requests.map {
                    "\($0.method) \($0.url) → \($0.status)\($0.routed == false ? " (no route)" : "")"
                }.joined(separator: "\n"))
        for (expected, location) in check.fixture.expectations.requests {
            expectation("request \(expected)", at: location) { evaluation in
                guard !made.contains(expected) else { return }
                let url = expected.split(separator: " ").last.map(String.init) ?? expected
                evaluation.fail(
                    evaluation.locator.line(requesting: url, in: nil) ?? location,
                    "the fixture server did not receive '\(expected)'",
                    detail: received, code: "expect.request", related: [location])
            }
        }
        // Traffic the fixture does not describe fails: a moved URL must not pass unnoticed.
        guard !check.fixture.unroutedAllowed else { return }
        var reported = Set<String>()
        for request in result.requests
        where request.routed == false && reported.insert("\(request.method) \(request.url)").inserted {
            // The step that made it, when the runtime reported step times: its lines first.
            let step = request.time.flatMap { timeline.step(at: $0) }
            fail(
                locator.line(requesting: request.url, in: step) ?? step.flatMap(locator.step(named:)).map {
                    locator.location(of: $0)
                } ?? check.fixture.location,
                "\(request.method) \(request.url) matches no route of the fixture (answered 404); add a route under http:, or `unrouted: allow` to accept it",
                detail: received, code: "request.unrouted", step: step, related: [check.fixture.location])
        }
    }

    private mutating func checkOutput() {
        for text in check.fixture.expectations.outputContains {
            expectation("output contains '\(text)'", at: check.fixture.location) { evaluation in
                guard !evaluation.result.output.contains(text) else { return }
                evaluation.fail(
                    evaluation.check.fixture.location, "the output does not contain '\(text)'",
                    detail: OutputSegments.tail(evaluation.result.output), code: "expect.output")
            }
        }
        for text in check.fixture.expectations.outputNotContains {
            expectation("output does not contain '\(text)'", at: check.fixture.location) { evaluation in
                guard evaluation.result.output.contains(text) else { return }
                evaluation.fail(
                    evaluation.check.fixture.location, "the output contains '\(text)', which the fixture forbids",
                    code: "expect.output")
            }
        }
    }
}
