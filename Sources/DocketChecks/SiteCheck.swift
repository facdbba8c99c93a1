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
        let pageBySource = Dictionary(
            uniqueKeysWithValues: loaded.site.pages.map { ($0.source, $0.parsed.displayPath) })
        let displayByID = Dictionary(
            uniqueKeysWithValues: set.idBySource.map { ($0.value, pageBySource[$0.key] ?? $0.key) })
        report.lint.append(
            contentsOf: ShellCheck.check(
                set.runbooks.map { ($0, displayByID[$0.id] ?? $0.source) }, executable: options.shellcheck))
        let folder = loaded.runbooksFolder
        // A stale committed script is reported at the page line of the step that changed, and
        // not run: its result would be about text the page no longer has.
        var stale = Set<String>()
        for drift in RunbookFiles.check(set, in: folder) {
            let id = (drift.file as NSString).deletingPathExtension
            guard let runbook = set.runbooks.first(where: { $0.id == id }) else {
                report.drift.append(
                    Diagnostic(
                        .error, at: SourceLocation(path: "runbooks/\(drift.file)", line: 1, column: 1),
                        "runbooks/\(drift.file) was generated for a runbook no page defines any more: remove it (`docket runbooks` does)",
                        detail: drift.diff, code: "runbook.drift"))
                continue
            }
            guard stale.insert(id).inserted else { continue }  // the .sh and the .json: one error
            let change = DriftLocator.locate(runbook, page: displayByID[id] ?? runbook.source, folder: folder)
            report.drift.append(
                Diagnostic(
                    .error, at: change.location,
                    "runbooks/\(id).sh is stale: \(change.message); run `docket runbooks` and commit the result (the stale script was not run)",
                    detail: drift.diff, code: "runbook.drift", step: change.step))
        }

        let selected = RunbookSelection.runbooks(of: set, site: loaded, options: options, into: &report)
        if let wanted = options.runbook, selected.isEmpty {
            report.fixtures.append(
                Diagnostic(
                    .error, at: SourceLocation(path: "runbooks", line: 0, column: 0),
                    "no runbook '\(wanted)'\(Suggestion.hint(for: wanted, in: set.runbooks.map(\.id)))",
                    code: "check.no-runbook"))
        }
        // --shard with --mutate splits each runbook's mutants, not only the runbooks: every
        // shard runs every runbook's mutant share, checking the runbooks of other shards first
        // without reporting them (their own shard does).
        var candidates = selected
        if options.mutate, let shard = options.shard {
            var unsharded = options
            unsharded.shard = nil
            var scratch = CheckReport()
            candidates = RunbookSelection.runbooks(of: set, site: loaded, options: unsharded, into: &scratch)
            report.notes.append(
                "shard \(shard): a share of the mutants of every runbook (--min-score is judged when the shards' reports are merged)"
            )
        }
        let owned = Set(selected.map(\.id))
        // Fixtures are loaded here, one runbook after another; the sandbox runs, which take the
        // time, run up to `options.jobs` at once; each runbook's outcome is then filed in this
        // order, so the report is the same as a serial run's.
        var runs: [Planned] = []
        for runbook in candidates {
            let page = displayByID[runbook.id] ?? runbook.source
            let fixtureFolder = folder.appendingPathComponent("fixtures").appendingPathComponent(runbook.id)
            let script = folder.appendingPathComponent("\(runbook.id).sh")
            guard owned.contains(runbook.id) else {
                if let check = mutateOnly(
                    runbook, page: page, fixtureFolder: fixtureFolder, script: script,
                    stale: stale.contains(runbook.id), options: options)
                {
                    runs.append(Planned(check: check, reported: false))
                }
                continue
            }
            guard FileManager.default.fileExists(atPath: fixtureFolder.appendingPathComponent("fixture.yml").path)
            else {
                let message =
                    "runbook \(runbook.id) is unchecked: it has no fixture (runbooks/fixtures/\(runbook.id)/fixture.yml)"
                report.fixtures.append(
                    Diagnostic(
                        options.strict ? .error : .warning, at: SourceLocation(path: page, line: 1, column: 1), message,
                        code: "runbook.unchecked"))
                continue
            }
            let (fixture, loadProblems) = FixtureLoader.load(
                folder: fixtureFolder, displayFolder: "runbooks/fixtures/\(runbook.id)")
            var problems = loadProblems
            if let fixture { problems.append(contentsOf: FixtureAgreement.problems(fixture, runbook: runbook)) }
            report.fixtures.append(contentsOf: problems)
            guard let fixture, !problems.hasErrors, !stale.contains(runbook.id) else { continue }
            guard FileManager.default.fileExists(atPath: script.path) else { continue }  // drift reports it
            runs.append(
                Planned(
                    check: RunbookCheck(
                        runbook: runbook, script: script, fixture: fixture, page: page, server: options.server,
                        keep: options.keep, unsandboxed: options.unsandboxed,
                        tools: options.sandboxTools, user: options.sandboxUser),
                    reported: true))
        }
        let reported = runs.filter(\.reported).map(\.check.runbook.id)
        if !reported.isEmpty {
            progress(
                reported.count == 1 || options.jobs == 1
                    ? "running \(reported.joined(separator: ", ")) in the sandbox…"
                    : "running \(reported.joined(separator: ", ")) in the sandbox, \(min(options.jobs, reported.count)) at once…"
            )
        }
        let outcomes = OrderedWork.map(runs, workers: options.jobs) { planned in
            Result { () throws(SandboxError) in try planned.check.run() }
        }
        for (planned, outcome) in zip(runs, outcomes) {
            let check = planned.check
            switch outcome {
            case .success(let result):
                if planned.reported { report.runbooks.append(result) }
                // Mutants only say something about a fixture the unchanged runbook passes. They
                // already run `options.jobs` at once, so runbooks take their turn here.
                if options.mutate, result.passed {
                    mutants(of: check, baseline: result.duration, options: options, into: &report, progress: progress)
                }
            case .failure(let error):
                if planned.reported {
                    report.fixtures.append(
                        Diagnostic(
                            .error, at: check.fixture.location, "runbook \(check.runbook.id) could not run: \(error)",
                            code: "run.sandbox"))
                }
            }
        }
        return report
    }

    /// A runbook check to run; `reported` is false for another shard's runbook, checked only as
    /// the baseline of its mutants.
    private struct Planned: Sendable {
        var check: RunbookCheck
        var reported: Bool
    }

    /// Runs the mutants of a runbook whose check passed (this shard's share with `--shard`) and
    /// files the score and its findings.
    static func mutants(
        of check: RunbookCheck, baseline: TimeInterval, options: CheckOptions, into report: inout CheckReport,
        progress: (String) -> Void
    ) {
        progress("running mutants of \(check.runbook.id)…")
        var score = MutationRun(
            check: check, sample: options.mutants, seed: options.mutationSeed, baseline: baseline, share: options.shard,
            workers: options.jobs
        ).run()
        // A share is not judged alone: the merge judges the whole score.
        if options.shard != nil, let minScore = options.minScore {
            score.minScore = minScore
            score.fixture = check.fixture.location
        }
        report.mutation.append(score)
        report.mutationFindings.append(
            contentsOf: MutationFindings.diagnostics(
                score, fixture: check.fixture,
                minScore: options.shard == nil ? options.minScore : nil))
    }

    /// `--shard` with `--mutate`, a runbook of another shard: checked unchanged (once, no
    /// idempotence run) for the mutants' baseline, nothing of it reported but its mutant share;
    /// a runbook whose own shard reports a problem (no fixture, a stale script, a failing run)
    /// has no mutants anywhere.
    private static func mutateOnly(
        _ runbook: Runbook, page: String, fixtureFolder: URL, script: URL, stale: Bool,
        options: CheckOptions
    ) -> RunbookCheck? {
        guard !stale, FileManager.default.fileExists(atPath: fixtureFolder.appendingPathComponent("fixture.yml").path),
            FileManager.default.fileExists(atPath: script.path)
        else { return nil }
        let (loaded, problems) = FixtureLoader.load(
            folder: fixtureFolder, displayFolder: "runbooks/fixtures/\(runbook.id)")
        guard var fixture = loaded, !problems.hasErrors,
            !FixtureAgreement.problems(fixture, runbook: runbook).contains(where: { $0.severity == .error })
        else { return nil }
        fixture.idempotent = false
        return RunbookCheck(
            runbook: runbook, script: script, fixture: fixture, page: page, server: options.server, keep: false,
            unsandboxed: options.unsandboxed,
            tools: options.sandboxTools, user: options.sandboxUser)
    }
}
