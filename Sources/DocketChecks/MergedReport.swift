/// The shards' reports as one: a `CheckReport` that prints, and writes JUnit (mutation suites
/// included), annotations and JSON, like any other.
public struct MergedReport {
    public var report: CheckReport

    /// The merged report in the format of `docket check --json`, so that it can be merged again.
    public var json: String { report.json }
}
