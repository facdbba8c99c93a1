import DocketDiagnostics
import DocketRunbooks
import DocketSandbox
import Foundation

/// Compares what a second run of the runbook (same parameters, on the trees the first left)
/// did: it must succeed and change no file but those the fixture names under `changes:` and
/// docket's own run log and journal. Each changed file is reported at the page line of the step
/// that wrote it in the second run, with a unified diff.
struct IdempotenceCheck {
    let check: RunbookCheck
    let first: IdempotenceSnapshot
    let second: SandboxResult

    /// The failures, located on the page; empty when the second run was a no-op.
    func failures(masking secrets: [String]) -> [Diagnostic] {
        let locator = StepLocator(runbook: check.runbook, page: check.page)
        let timeline = StepTimeline(second.statusLines.compactMap(StatusEvent.parse))
        let redact = { (text: String) in secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "********") } }
        let firstLine = check.runbook.steps.first.map { locator.location(of: $0) } ?? check.fixture.location
        var found: [Diagnostic] = []
        let status = second.observedExitStatus ?? second.exitStatus
        if second.timedOut || status != 0 {
            let failed = timeline.reported.first { $0.status != 0 }
            let step = failed.flatMap { locator.step(named: $0.name) }
            var location = step.map { locator.location(of: $0) } ?? firstLine
            if let line = failed.flatMap({ timeline.end(of: $0.name)?.line }) { location.line = line }
            let what =
                second.timedOut
                ? "was stopped at the time limit" : "exited with status \(status.map(String.init) ?? "?")"
            let at = failed.map { " in step \($0.name) (status \($0.status))" } ?? ""
            found.append(
                Diagnostic(
                    .error, at: location,
                    redact(
                        "runbook \(check.runbook.id): not idempotent: run a second time with the same parameters, it \(what)\(at)"
                    ),
                    detail: redact(
                        OutputSegments.tail(failed.flatMap { timeline.end(of: $0.name)?.output } ?? second.output)),
                    code: "idempotence.failed", step: failed?.name, related: [check.fixture.location]))
        }
        let after = IdempotenceSnapshot(second)
        for change in after.changes(since: first) where !isExpected(change.path) {
            // The step running when the file was last written in the second run (its time is
            // from the kernel's file clock: the start events' `filetime`, else FileTimeClock).
            let writer = after.modified[change.path].flatMap {
                timeline.step(atFileTime: $0, lag: FileTimeClock.lag)
            }.flatMap(locator.step(named:))
            let location =
                writer.map { lineNaming(change.path, in: $0, locator: locator) ?? locator.location(of: $0) }
                ?? locator.location(ofFile: change.path) ?? firstLine
            found.append(
                Diagnostic(
                    .error, at: location,
                    redact(
                        "runbook \(check.runbook.id): not idempotent: the second run \(verb(change)) \(change.path)\(writer.map { " (step \($0.name))" } ?? "")"
                    ),
                    detail: redact(Self.describe(change))
                        + "\n(declare `changes:` in fixture.yml if it is expected, or `idempotent: false` with `idempotent_reason:`)",
                    code: "idempotence.changed", step: writer?.name, related: [check.fixture.location]))
        }
        return found
    }

    /// docket's own log and journal of the run change on every run; so do the paths the
    /// fixture lists under `changes:` (a path, a folder ending in `/`, or a glob).
    func isExpected(_ path: String) -> Bool {
        let id = check.runbook.id
        if path.hasSuffix("/\(id).runbook.log") || path.hasPrefix("~/.local/state/docket/\(id).journal") { return true }
        return check.fixture.changes.contains { pattern in
            let pattern = Self.shown(pattern)
            if pattern.hasSuffix("/") { return path.hasPrefix(pattern) || path + "/" == pattern }
            return path == pattern || fnmatch(pattern, path, 0) == 0
        }
    }

    /// A fixture path as the snapshot names it (`/home/operator/x` is `~/x`).
    static func shown(_ path: String) -> String {
        path.hasPrefix(Sandbox.home + "/") ? "~/" + path.dropFirst(Sandbox.home.count + 1) : path
    }

    private func verb(_ change: IdempotenceSnapshot.Change) -> String {
        switch (change.before, change.after) {
        case (nil, _): return "created"
        case (_, nil): return "removed"
        default: return "changed"
        }
    }

    /// The line of `step` that names the file (its last path component), if one does.
    private func lineNaming(_ path: String, in step: RunbookStep, locator: StepLocator) -> SourceLocation? {
        if let fileStep = locator.location(ofFile: path), fileStep.line == step.startLine { return fileStep }
        guard let name = path.split(separator: "/").last, !name.isEmpty else { return nil }
        for (index, line) in step.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains(name) {
            return locator.location(of: step, bodyLine: index + 1)
        }
        return nil
    }

    /// A unified diff for text, a sentence for the rest.
    static func describe(_ change: IdempotenceSnapshot.Change) -> String {
        func text(_ item: IdempotenceSnapshot.Item?) -> String {
            switch item {
            case .file(let data, _)?: return String(decoding: data, as: UTF8.self)
            case .link(let target)?: return "-> \(target)\n"
            case .folder?: return "(a folder)\n"
            case .unread(let size)?: return "(\(size) bytes, not read)\n"
            case nil: return ""
            }
        }
        var lines: [String] = []
        if case .file(_, let old)? = change.before, case .file(_, let new)? = change.after, old != new {
            lines.append("mode \(String(old, radix: 8)) → \(String(new, radix: 8))")
        }
        let old = text(change.before), new = text(change.after)
        if old != new {
            lines.append(
                TextDiff.unified(
                    old: old, new: new, oldName: "\(change.path) (after the first run)",
                    newName: "\(change.path) (after the second run)"))
        }
        return lines.joined(separator: "\n")
    }
}
