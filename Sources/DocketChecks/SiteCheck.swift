import DocketBuild
import DocketDiagnostics
import DocketRunbooks
import DocketSandbox
import Foundation

/// `docket check`: the site's diagnostics, runbook lint and drift, and every runbook run against
/// its fixture in the sandbox. Everything is collected; nothing stops at the first problem.
public enum SiteCheck {
    public static func run(_ options: CheckOptions, progress: (String) -> Void = { _ in }) -> CheckReport {
        var report = CheckReport()
        report.strict = options.strict
        let loaded: LoadedSite
        do {
            loaded = try SiteLoader.load(options.build)
        } catch {
            report.site = error.diagnostics
            return report
        }
        report.site = loaded.diagnostics
        report.pages = loaded.site.pages.count
        report.links = loaded.site.pages.reduce(0) { $0 + $1.parsed.links.count }
        let set = RunbookSet.extract(from: loaded)
        report.lint = set.diagnostics
        let pageBySource = Dictionary(uniqueKeysWithValues: loaded.site.pages.map { ($0.source, $0.parsed.displayPath) })
        let displayByID = Dictionary(uniqueKeysWithValues: set.idBySource.map { ($0.value, pageBySource[$0.key] ?? $0.key) })
        for runbook in set.runbooks {
            report.lint.append(contentsOf: ShellCheck.check(runbook, displayPath: displayByID[runbook.id] ?? runbook.source, executable: options.shellcheck))
        }
        let folder = loaded.runbooksFolder
        // A stale committed script is reported at the page line of the step that changed, and
        // not run: its result would be about text the page no longer has.
        var stale = Set<String>()
        for drift in RunbookFiles.check(set, in: folder) {
            let id = (drift.file as NSString).deletingPathExtension
            guard let runbook = set.runbooks.first(where: { $0.id == id }) else {
                report.drift.append(Diagnostic(.error, at: SourceLocation(path: "runbooks/\(drift.file)", line: 1, column: 1),
                                               "runbooks/\(drift.file) was generated for a runbook no page defines any more: remove it (`docket runbooks` does)",
                                               detail: drift.diff, code: "runbook.drift"))
                continue
            }
            guard stale.insert(id).inserted else { continue }  // the .sh and the .json: one error
            let change = DriftLocator.locate(runbook, page: displayByID[id] ?? runbook.source, folder: folder)
            report.drift.append(Diagnostic(.error, at: change.location,
                                           "runbooks/\(id).sh is stale: \(change.message); run `docket runbooks` and commit the result (the stale script was not run)",
                                           detail: drift.diff, code: "runbook.drift", step: change.step))
        }

        let selected = RunbookSelection.runbooks(of: set, site: loaded, options: options, into: &report)
        if let wanted = options.runbook, selected.isEmpty {
            report.fixtures.append(Diagnostic(.error, at: SourceLocation(path: "runbooks", line: 0, column: 0),
                                              "no runbook '\(wanted)'\(Suggestion.hint(for: wanted, in: set.runbooks.map(\.id)))", code: "check.no-runbook"))
        }
        let server = options.server ?? URL(fileURLWithPath: CommandLine.arguments[0])
        for runbook in selected {
            let page = displayByID[runbook.id] ?? runbook.source
            let fixtureFolder = folder.appendingPathComponent("fixtures").appendingPathComponent(runbook.id)
            guard FileManager.default.fileExists(atPath: fixtureFolder.appendingPathComponent("fixture.yml").path) else {
                let message = "runbook \(runbook.id) is unchecked: it has no fixture (runbooks/fixtures/\(runbook.id)/fixture.yml)"
                report.fixtures.append(Diagnostic(options.strict ? .error : .warning, at: SourceLocation(path: page, line: 1, column: 1), message,
                                                  code: "runbook.unchecked"))
                continue
            }
            let (fixture, loadProblems) = FixtureLoader.load(folder: fixtureFolder, displayFolder: "runbooks/fixtures/\(runbook.id)")
            var problems = loadProblems
            if let fixture { problems.append(contentsOf: FixtureAgreement.problems(fixture, runbook: runbook)) }
            report.fixtures.append(contentsOf: problems)
            guard let fixture, !problems.hasErrors, !stale.contains(runbook.id) else { continue }
            let script = folder.appendingPathComponent("\(runbook.id).sh")
            guard FileManager.default.fileExists(atPath: script.path) else { continue }  // drift reports it
            progress("running \(runbook.id) in the sandbox…")
            let check = RunbookCheck(runbook: runbook, script: script, fixture: fixture, page: page, server: server,
                                     keep: options.keep, unsandboxed: options.unsandboxed)
            do {
                let result = try check.run()
                report.runbooks.append(result)
                // Mutants only say something about a fixture the unchanged runbook passes.
                if options.mutate, result.passed {
                    progress("running mutants of \(runbook.id)…")
                    let score = MutationRun(check: check, sample: options.mutants, seed: options.mutationSeed, baseline: result.duration).run()
                    report.mutation.append(score)
                    report.mutationFindings.append(contentsOf: MutationFindings.diagnostics(score, fixture: fixture, minScore: options.minScore))
                }
            } catch {
                report.fixtures.append(Diagnostic(.error, at: fixture.location, "runbook \(runbook.id) could not run: \(error)", code: "run.sandbox"))
            }
        }
        return report
    }
}
