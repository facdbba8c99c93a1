import DocketDiagnostics
import DocketRunbooks

/// One small change of a runbook's page text (a step's commands), run against the fixture to
/// see whether the fixture notices: a mutant the check fails is killed, one it passes survived.
public struct Mutant: Sendable {
    /// What was changed, as an operator name (`drop flag`, `number`, `drop step`, …).
    public var kind: String
    /// The step it changes.
    public var step: String
    /// Where the change is on the page.
    public var location: SourceLocation
    /// The text before and after (`'base64 -d' → 'base64'`).
    public var original: String
    public var replacement: String
    /// The runbook with the change made; its script is generated from it. Nil for a mutant
    /// read back from a JSON report (`--merge-reports`), which describes it and cannot run it.
    public var runbook: Runbook?

    /// `'base64 -d' → 'base64' (step jwks-public-key)`.
    public var summary: String {
        "'\(original)' → '\(replacement)' (step \(step))"
    }
}
