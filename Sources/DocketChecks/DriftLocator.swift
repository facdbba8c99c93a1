import DocketDiagnostics
import DocketRunbooks
import Foundation

/// Where a stale committed runbook differs from its page: the page line of the first step whose
/// text or attributes changed (by the step hashes of the committed manifest), so drift is
/// reported where the author edited, not at line 1 of a generated file.
public enum DriftLocator {
    /// The place of the change and a sentence naming it.
    public struct Change: Sendable {
        public var location: SourceLocation
        public var step: String?
        public var message: String
    }

    public static func locate(_ runbook: Runbook, page: String, folder: URL) -> Change {
        let pageStart = SourceLocation(path: page, line: 1, column: 1)
        let manifest = folder.appendingPathComponent("\(runbook.id).json")
        guard let data = try? Data(contentsOf: manifest),
            let committed = try? JSONDecoder().decode(CommittedManifest.self, from: data)
        else {
            return Change(
                location: pageStart, step: nil, message: "runbooks/\(runbook.id).json is missing or unreadable")
        }
        let old = committed.steps.map { ($0.name ?? "", $0.hash ?? "") }
        for (index, step) in runbook.steps.enumerated() {
            let here = SourceLocation(path: page, line: step.startLine, column: 1)
            guard index < old.count else {
                return Change(location: here, step: step.name, message: "step \(step.name) is new on the page")
            }
            if old[index].0 != step.name {
                let known = old.contains { $0.0 == step.name }
                return Change(
                    location: here, step: step.name,
                    message: known
                        ? "step \(step.name) moved (the committed runbook has \(old[index].0) here)"
                        : "step \(step.name) is new on the page (the committed runbook has \(old[index].0) here)")
            }
            if old[index].1 != step.hash {
                return Change(location: here, step: step.name, message: "step \(step.name) changed")
            }
        }
        if old.count > runbook.steps.count {
            let last = runbook.steps.last.map { SourceLocation(path: page, line: $0.endLine, column: 1) } ?? pageStart
            return Change(
                location: last, step: nil, message: "step \(old[runbook.steps.count].0) was removed from the page")
        }
        return Change(
            location: pageStart, step: nil,
            message: "the steps are unchanged; the parameters or docket's runtime changed")
    }

    /// The part of a committed manifest (`runbooks/<id>.json`) that locates a change: each
    /// step's name and hash, in order. A step missing either compares as changed.
    private struct CommittedManifest: Decodable {
        struct Step: Decodable {
            var name: String?
            var hash: String?
        }
        var steps: [Step]
    }
}
