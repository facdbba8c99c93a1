import DocketDiagnostics
import DocketRunbooks

/// What a fixture says about its runbook that the runbook contradicts: a parameter without a
/// value, a value for no parameter, an expectation about a step that does not exist. Found
/// before anything runs, so the run never produces the cascade such a mistake would cause.
enum FixtureAgreement {
    static func problems(_ fixture: Fixture, runbook: Runbook) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let given = Set(fixture.params.map(\.name))
        let names = runbook.parameters.map(\.name)
        let missing = runbook.parameters.filter { !given.contains($0.name) && $0.defaultValue == nil }
        if !missing.isEmpty {
            // The first and only error of this runbook: without its values nothing else can be said.
            let fix =
                (fixture.paramsLocation == nil ? "params:\n" : "")
                + missing.map { "  \($0.name): \($0.example ?? "<value>")" }.joined(separator: "\n")
            let list = missing.map(\.name).joined(separator: ", ")
            return [
                Diagnostic(
                    .error, at: fixture.paramsLocation ?? fixture.location,
                    "runbook \(runbook.id) needs a value for \(missing.count == 1 ? "the parameter" : "the parameters") \(list), which the fixture does not give; add under params:",
                    detail: fix, code: "fixture.missing-param")
            ]
        }
        for name in fixture.params.map(\.name) where !names.contains(name) {
            problems.append(
                Diagnostic(
                    .error, at: fixture.paramsLocation ?? fixture.location,
                    "params: '\(name)' is not a parameter of runbook \(runbook.id)\(Suggestion.hint(for: name, in: names))",
                    code: "fixture.unknown-param"))
        }
        let steps = runbook.steps.map(\.name)
        for (name, location) in fixture.expectations.stepLocations.sorted(by: { $0.value.line < $1.value.line })
        where !steps.contains(name) {
            problems.append(
                Diagnostic(
                    .error, at: location,
                    "expect.steps names '\(name)', which is not a step of runbook \(runbook.id)\(Suggestion.hint(for: name, in: steps))",
                    code: "fixture.unknown-step"))
        }
        return problems
    }
}
