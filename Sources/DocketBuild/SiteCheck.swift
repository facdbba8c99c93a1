import DocketChecks
import DocketDiagnostics
import DocketRunbooks
import DocketSandbox
import Foundation

/// `docket check`: the site's diagnostics, runbook lint and drift, and every runbook run against
/// its fixture in the sandbox. Everything is collected; nothing stops at the first problem.
public enum SiteCheck {
    public static func run(_ options: CheckOptions, progress: (String) -> Void = { _ in }) -> CheckReport {
        var report = CheckReport()
        let loaded: LoadedSite
        do {
            loaded = try SiteLoader.load(options.build)
        } catch {
            report.site = error.diagnostics
            return report
        }
        report.site = loaded.diagnostics
        let set = RunbookSet.extract(from: loaded)
        report.lint = set.diagnostics
        let pageBySource = Dictionary(uniqueKeysWithValues: loaded.site.pages.map { ($0.source, $0.parsed.displayPath) })
        let displayByID = Dictionary(uniqueKeysWithValues: set.idBySource.map { ($0.value, pageBySource[$0.key] ?? $0.key) })
        for runbook in set.runbooks {
            report.lint.append(contentsOf: ShellCheck.check(runbook, displayPath: displayByID[runbook.id] ?? runbook.source))
        }
        let folder = loaded.runbooksFolder
        for drift in RunbookFiles.check(set, in: folder) {
            report.drift.append(Diagnostic(.error, at: SourceLocation(path: "runbooks/\(drift.file)", line: 1, column: 1),
                                           "runbooks/\(drift.file) does not match the pages: run `docket runbooks` and commit the result", detail: drift.diff))
        }

        let selected = set.runbooks.filter { options.runbook == nil || $0.id == options.runbook }
        if let wanted = options.runbook, selected.isEmpty {
            report.fixtures.error(at: SourceLocation(path: "runbooks", line: 0, column: 0), "no runbook '\(wanted)'")
        }
        let server = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for runbook in selected {
            let page = displayByID[runbook.id] ?? runbook.source
            let fixtureFolder = folder.appendingPathComponent("fixtures").appendingPathComponent(runbook.id)
            guard FileManager.default.fileExists(atPath: fixtureFolder.appendingPathComponent("fixture.yml").path) else {
                let message = "runbook \(runbook.id) is unchecked: it has no fixture (runbooks/fixtures/\(runbook.id)/fixture.yml)"
                report.fixtures.append(Diagnostic(options.strict ? .error : .warning, at: SourceLocation(path: page, line: 1, column: 1), message))
                continue
            }
            let (fixture, problems) = FixtureLoader.load(folder: fixtureFolder, displayFolder: "runbooks/fixtures/\(runbook.id)")
            report.fixtures.append(contentsOf: problems)
            guard let fixture, !problems.hasErrors else { continue }
            let script = folder.appendingPathComponent("\(runbook.id).sh")
            guard FileManager.default.fileExists(atPath: script.path) else { continue }  // drift reports it
            progress("running \(runbook.id) in the sandbox…")
            let check = RunbookCheck(runbook: runbook, script: script, fixture: fixture, page: page, server: server,
                                     keep: options.keep, unsandboxed: options.unsandboxed)
            do {
                report.runbooks.append(try check.run())
            } catch {
                report.fixtures.error(at: fixture.location, "runbook \(runbook.id) could not run: \(error)")
            }
        }
        return report
    }
}
