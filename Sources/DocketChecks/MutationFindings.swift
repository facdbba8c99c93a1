import DocketDiagnostics

/// What `--mutate` reports: each surviving mutant as a warning at the changed page line, and a
/// score below `--min-score` as an error at the fixture.
enum MutationFindings {
    static func diagnostics(_ score: MutationScore, fixture: Fixture, minScore: Double?) -> [Diagnostic] {
        var found = score.survivors.map { mutant in
            Diagnostic(
                .warning, at: mutant.location, "mutant survived: \(mutant.summary)",
                detail: "\(mutant.kind): the fixture passes with this change; expect what this line does",
                code: "mutation.survived", step: mutant.step, related: [fixture.location])
        }
        if let minScore, score.score < minScore {
            found.append(
                Diagnostic(
                    .error, at: fixture.location,
                    "runbook \(score.runbook): \(score.line), below --min-score \(minScore)",
                    code: "mutation.score"))
        }
        return found
    }
}
