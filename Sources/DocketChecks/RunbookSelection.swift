import DocketBuild
import DocketDiagnostics
import DocketRunbooks
import Foundation

/// Which runbooks `docket check` runs in the sandbox: `--runbook ID`, then `--changed-since REF`,
/// then `--shard K/N`. The site checks, lint and drift always cover the whole site; only the
/// fixture runs (and their mutants) are chosen here.
enum RunbookSelection {
    /// The runbooks to run, in page order; what was left out and why goes into `report.notes`.
    static func runbooks(of set: RunbookSet, site: LoadedSite, options: CheckOptions, into report: inout CheckReport)
        -> [Runbook]
    {
        var selected = set.runbooks.filter { options.runbook == nil || $0.id == options.runbook }
        if let changed = options.changedSince {
            selected = changedRunbooks(selected, set: set, site: site, changed: changed, notes: &report.notes)
        }
        if let shard = options.shard {
            report.shard = shard
            let all = selected.count
            selected = selected.filter { shard.includes($0.id) }
            if selected.isEmpty {
                report.notes.append(
                    "shard \(shard): none of the \("runbook".counted(all)) falls in this shard, so none runs here (not a failure)"
                )
            } else {
                report.notes.append(
                    "shard \(shard): \(selected.count) of \("runbook".counted(all)) (\(selected.map(\.id).joined(separator: ", ")))"
                )
            }
        }
        return selected
    }

    /// The runbooks whose inputs changed: the page, the fixture folder
    /// (`runbooks/fixtures/ID/`), the committed `runbooks/ID.sh` and `ID.json`. A changed
    /// `docket.yml` (content folder, includes, excludes: which pages and runbooks exist) runs
    /// them all. The theme and static files cannot change what a runbook does.
    static func changedRunbooks(
        _ runbooks: [Runbook], set: RunbookSet, site: LoadedSite, changed: ChangedFiles, notes: inout [String]
    ) -> [Runbook] {
        let root = site.root.url.resolvingSymlinksInPath().path
        let content = site.content.url.resolvingSymlinksInPath().path
        if changed.paths.contains(root + "/docket.yml") {
            notes.append("--changed-since \(changed.ref): docket.yml changed, so every runbook runs")
            return runbooks
        }
        let sourceByID = Dictionary(set.idBySource.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        let folder = root + "/runbooks"
        let picked = runbooks.filter { runbook in
            let inputs = [
                sourceByID[runbook.id].map { content + "/" + $0 }, folder + "/\(runbook.id).sh",
                folder + "/\(runbook.id).json",
            ]
            if inputs.contains(where: { $0.map(changed.paths.contains) ?? false }) { return true }
            let fixture = folder + "/fixtures/\(runbook.id)/"
            return changed.paths.contains { $0.hasPrefix(fixture) }
        }
        let count = runbooks.count
        if picked.isEmpty {
            notes.append(
                "--changed-since \(changed.ref): no page, fixture or script of the \("runbook".counted(count)) changed, so none runs (the site checks still ran)"
            )
        } else {
            notes.append(
                "--changed-since \(changed.ref): \(picked.count) of \("runbook".counted(count)) changed (\(picked.map(\.id).joined(separator: ", ")))"
            )
        }
        return picked
    }
}
