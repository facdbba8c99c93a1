import DocketDiagnostics
import Foundation

/// `docket check --merge-reports a.json b.json …`: the JSON reports of the shards of one check
/// made into one report, as if one machine had checked everything.
///
/// Every shard checks the whole site (links, lint, drift), so those diagnostics are in each
/// report and are kept once. Runbooks are the shards' own: one in two reports means two shards
/// ran it, and the reports are not of one `--shard K/N` run. Reports of other sites or commits
/// (other page or link counts), of another format version, or with a shard missing or twice
/// are refused too: a merged report that silently lacks a shard would pass a CI run whose
/// failing shard never uploaded its report. Every problem of every file is reported at once.
public enum ReportMerge {
    /// One input: how to name it in messages, and its bytes.
    public struct Input: Sendable {
        public var path: String
        public var data: Data

        public init(path: String, data: Data) {
            self.path = path
            self.data = data
        }
    }

    public static func merge(_ inputs: [Input]) throws(ReportMergeError) -> MergedReport {
        var problems = Diagnostics()
        var read: [(input: Input, document: CheckReportDocument)] = []
        for input in inputs {
            switch parse(input) {
            case .success(let document): read.append((input, document))
            case .failure(let problem): problems.append(problem)
            }
        }
        guard problems.isEmpty, let first = read.first else { throw ReportMergeError(problems: problems) }

        var report = CheckReport()
        var mutation = MutationMerge()
        var runbookPlace: [String: SourceLocation] = [:]
        var seen = Set<Diagnostic>()
        var shards: [(shard: CheckShard?, at: SourceLocation)] = []
        report.pages = first.document.summary.pages
        report.links = first.document.summary.links
        for (input, document) in read {
            let top = SourceLocation(path: input.path, line: 1, column: 1)
            var shard: CheckShard?
            if let text = document.shard {
                do throws(CheckShardError) {
                    shard = try CheckShard(parsing: text)
                } catch {
                    problems.append(
                        Diagnostic(
                            .error, at: place(of: "shard", in: input) ?? top, "the report's shard is not one: \(error)",
                            code: "merge.shard"))
                }
            }
            shards.append((shard, place(of: "shard", in: input) ?? top))
            let summary = document.summary
            if (summary.pages, summary.links) != (report.pages, report.links) {
                problems.append(
                    Diagnostic(
                        .error, at: place(of: "summary", in: input) ?? top,
                        "this report checked \(summary.pages) pages and \(summary.links) links, \(first.input.path) \(report.pages) and \(report.links): the reports are of different sites or commits",
                        code: "merge.site"))
            }
            report.strict = report.strict || summary.strict
            var failures = Set<Diagnostic>()
            for entry in document.runbooks {
                let at = place(ofRunbook: entry.id, key: "id", in: input) ?? top
                if let other = runbookPlace[entry.id] {
                    problems.append(
                        Diagnostic(
                            .error, at: at,
                            "runbook \(entry.id) is also in \(other): two shards ran it (were both run with the same --shard?)",
                            code: "merge.duplicate", related: [other]))
                    continue
                }
                runbookPlace[entry.id] = at
                do throws(CheckReportDocument.Invalid) {
                    let result = try CheckReportDocument.result(entry)
                    failures.formUnion(result.failures)
                    report.runbooks.append(result)
                } catch {
                    problems.append(Diagnostic(.error, at: at, error.message, code: "merge.format"))
                }
            }
            for entry in document.diagnostics {
                do throws(CheckReportDocument.Invalid) {
                    let diagnostic = try CheckReportDocument.diagnostic(entry)
                    // A runbook's failures are listed with it and among all diagnostics; the
                    // site's own are in every shard's report.
                    guard !failures.contains(diagnostic), seen.insert(diagnostic).inserted else { continue }
                    report.append(grouping: diagnostic)
                } catch {
                    problems.append(Diagnostic(.error, at: top, error.message, code: "merge.format"))
                }
            }
            for score in document.mutation ?? [] {
                mutation.add(
                    MutationMerge.Part(
                        input: input, at: place(ofRunbook: score.runbook, key: "runbook", in: input) ?? top,
                        entry: score))
            }
        }
        problems.append(contentsOf: shardProblems(shards))
        // The mutation results once the shards are known to be whole: a missing shard is said
        // once, not again for each runbook's mutants.
        if problems.isEmpty {
            let merged = mutation.scores(reports: read.map(\.input.path))
            problems.append(contentsOf: merged.problems)
            report.mutation = merged.scores
            report.mutationFindings.append(contentsOf: merged.findings)
        }
        guard problems.isEmpty else { throw ReportMergeError(problems: problems) }
        let covered = shards.compactMap(\.shard)
        report.notes.append(
            "merged \("report".counted(read.count))"
                + (covered.isEmpty
                    ? ""
                    : " (shards \(covered.sorted { $0.index < $1.index }.map(\.description).joined(separator: ", ")))"))
        return MergedReport(report: report)
    }

    /// Shards come all or none, of one N, each K once, none missing.
    static func shardProblems(_ shards: [(shard: CheckShard?, at: SourceLocation)]) -> [Diagnostic] {
        let sharded = shards.filter { $0.shard != nil }
        guard !sharded.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        if let plain = shards.first(where: { $0.shard == nil }) {
            problems.append(
                Diagnostic(
                    .error, at: plain.at,
                    "this report is of a whole check and \(sharded[0].at.path) of shard \(sharded[0].shard!): merge the reports of one --shard run",
                    code: "merge.shard"))
        }
        let count = sharded[0].shard!.count
        var byIndex: [Int: SourceLocation] = [:]
        for (shard, at) in sharded {
            guard let shard else { continue }
            if shard.count != count {
                problems.append(
                    Diagnostic(
                        .error, at: at,
                        "shard \(shard), but \(sharded[0].at.path) is shard \(sharded[0].shard!): the reports split the runbooks differently",
                        code: "merge.shard"))
            } else if let other = byIndex[shard.index] {
                problems.append(
                    Diagnostic(
                        .error, at: at, "shard \(shard) again: \(other.path) is that shard too",
                        code: "merge.duplicate", related: [other]))
            } else {
                byIndex[shard.index] = at
            }
        }
        let missing = (1...count).filter { byIndex[$0] == nil }
        if problems.isEmpty, !missing.isEmpty {
            problems.append(
                Diagnostic(
                    .error, at: SourceLocation(path: sharded[0].at.path, line: 0, column: 0),
                    "no report of \("shard".plural(missing.count)) \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")): its runbooks would be missing from the merged report (did that CI job fail before it uploaded its report?)",
                    code: "merge.missing-shard"))
        }
        return problems
    }

    /// The file read as JSON and as a report, or the first problem with it, located.
    private static func parse(_ input: Input) -> Result<CheckReportDocument, Diagnostic> {
        let whole = SourceLocation(path: input.path, line: 0, column: 0)
        // JSONSerialization only for its message: it says where the JSON breaks.
        do {
            _ = try JSONSerialization.jsonObject(with: input.data)
        } catch {
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            return .failure(
                Diagnostic(
                    .error, at: JSONPosition.location(of: text, in: input.data, path: input.path),
                    "not valid JSON: \(text)", code: "merge.json"))
        }
        guard let probe = try? JSONDecoder().decode(VersionProbe.self, from: input.data) else {
            return .failure(
                Diagnostic(
                    .error, at: whole, "not a docket check report: the JSON is not an object", code: "merge.format"))
        }
        // The version before anything else: another version may name its keys differently.
        guard let version = probe.version else {
            return .failure(
                Diagnostic(
                    .error, at: whole,
                    "not a docket check report of this format: it has no \"version\" (written by an older docket? check again with this one)",
                    code: "merge.version"))
        }
        guard version == CheckReport.formatVersion else {
            return .failure(
                Diagnostic(
                    .error, at: place(of: "version", in: input) ?? whole,
                    "report version \(version), but this docket reads version \(CheckReport.formatVersion): merge the reports with the docket version that wrote them",
                    code: "merge.version"))
        }
        do {
            return .success(try ReportJSON.decode(CheckReportDocument.self, from: input.data))
        } catch let error as DecodingError {
            return .failure(
                Diagnostic(.error, at: whole, "not a docket check report: \(describe(error))", code: "merge.format"))
        } catch {
            return .failure(Diagnostic(.error, at: whole, "not a docket check report: \(error)", code: "merge.format"))
        }
    }

    /// `runbooks[2].steps: the key "name" is missing`.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return "the key \"\(key.stringValue)\" is missing" + (at.isEmpty ? "" : " in \(at)")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return
                "\(path(context.codingPath)) is not \(type == String.self ? "a string" : type == Int.self ? "a whole number" : "a \(type)")"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// Where `"key":` first occurs in the file: the report is pretty-printed, so this is the
    /// line a reader looks at.
    static func place(of key: String, in input: Input) -> SourceLocation? {
        JSONPosition.find(
            pattern: "\"\(NSRegularExpression.escapedPattern(for: key))\"\\s*:", in: input.data, path: input.path)
    }

    /// Where `"id": "<runbook>"` is.
    static func place(ofRunbook id: String, key: String, in input: Input) -> SourceLocation? {
        guard let literal = ReportJSON.literal(id) else { return nil }
        return JSONPosition.find(
            pattern: "\"\(key)\"\\s*:\\s*" + NSRegularExpression.escapedPattern(for: literal), in: input.data,
            path: input.path)
    }

    /// A report's `version`, read before the rest: nil when it is missing or not an integer.
    /// Decoding fails only when the JSON is not an object.
    private struct VersionProbe: Decodable {
        var version: Int?

        private enum Key: String, CodingKey { case version }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            version = try? container.decode(Int.self, forKey: .version)
        }
    }
}
