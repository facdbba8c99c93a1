import DocketDiagnostics

/// Why `--merge-reports` made no report: every problem of every file, each located in the file
/// it is about (`b.json:57:7: error: runbook web is also in a.json:12:7: …`).
public struct ReportMergeError: Error, Sendable {
    public var problems: Diagnostics
}
