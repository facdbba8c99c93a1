import DocketDiagnostics

/// The step outcomes a run reported, cross-checked against the runbook's exit status and the
/// runtime's own rules, so a step that forges outcomes (by writing lines into the status pipe
/// through `/proc/<pid>/fd`, say) cannot pass a check.
///
/// The generated runtime runs the steps in page order, reports each one once after it ends,
/// stops at the first failure and exits with that step's status, or with 0 when every step
/// passed. Any other picture means that something besides the runtime wrote reports, or that
/// the runtime was stopped from writing its own.
struct StepReports {
    /// One disagreement, about a step (by name) when it concerns one.
    struct Problem {
        var step: String?
        var message: String
    }

    /// Each step's status: the last report of it, since the runtime reports a step after
    /// everything the step itself did.
    private(set) var statuses: [String: Int] = [:]
    private(set) var problems: [Problem] = []

    /// `exitStatus` is nil when the run was killed at its time limit: then only the reports
    /// themselves are checked.
    init(reported: [(name: String, status: Int)], exitStatus: Int32?, stepNames: [String]) {
        let order = Dictionary(stepNames.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: Int] = [:]
        var lastIndex = -1
        var failedEarlier: String?
        for (name, status) in reported {
            guard let index = order[name] else {
                problems.append(
                    Problem(
                        step: nil, message: "an outcome was reported for '\(name)', which is not a step of this runbook"
                    ))
                continue
            }
            if let earlier = seen[name] {
                problems.append(
                    Problem(
                        step: name,
                        message: "step \(name) reported its outcome twice (status \(earlier), then \(status))"))
            } else if index < lastIndex {
                problems.append(
                    Problem(
                        step: name,
                        message:
                            "step \(name) reported its outcome after step \(stepNames[lastIndex]), which comes later"))
            }
            if let failed = failedEarlier, failed != name {
                problems.append(
                    Problem(
                        step: name,
                        message:
                            "step \(name) reported an outcome although step \(failed) failed before it and the runbook stops there"
                    ))
            }
            if status != 0 && failedEarlier == nil { failedEarlier = name }
            seen[name] = status
            statuses[name] = status
            lastIndex = max(lastIndex, index)
        }
        guard let exit = exitStatus.map(Int.init), let last = reported.last(where: { order[$0.name] != nil }) else {
            return
        }
        let failures = reported.filter { order[$0.name] != nil && $0.status != 0 }
        if failures.isEmpty {
            if exit != 0 {
                problems.append(
                    Problem(
                        step: last.name,
                        message: "the runbook exited with status \(exit) although every step reported success"))
            } else {
                let silent = stepNames.filter { statuses[$0] == nil }
                if !silent.isEmpty {
                    problems.append(
                        Problem(
                            step: silent[0],
                            message:
                                "the runbook exited with status 0 although \("step".plural(silent.count)) \(silent.joined(separator: ", ")) reported no outcome"
                        ))
                }
            }
        } else if exit != failures[0].status {
            problems.append(
                Problem(
                    step: failures[0].name,
                    message:
                        "the runbook exited with status \(exit) although step \(failures[0].name) reported status \(failures[0].status)"
                ))
        }
    }
}
