import Foundation

/// The shards' reports as one: a `CheckReport` that prints, and writes JUnit and annotations,
/// like any other, and the mutation scores as the shards wrote them (their survivors need the
/// runbook that only the checking machine had).
public struct MergedReport {
    public var report: CheckReport
    /// Each runbook's `mutation` entry, as read.
    var mutation: [[String: Any]]

    /// The merged report in the format of `docket check --json`, so that it can be merged again.
    public var json: String {
        guard var object = try? JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any] else { return report.json }
        if mutation.isEmpty { object["mutation"] = nil } else { object["mutation"] = mutation }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
