import DocketDiagnostics

/// A runbook extracted from one page: its parameters and its steps in page order.
public struct Runbook: Sendable {
    public var id: String
    public var title: String
    public var description: String?
    /// The page, as diagnostics and the script name it (`content/guides/authentik.md`).
    public var source: String
    public var parameters: [RunbookParameter]
    public var steps: [RunbookStep]
}
