import ArgumentParser
import DocketBuild
import DocketChecks
import DocketSandbox
import Foundation

extension Docket {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract:
                "Check links, front matter, runbook lint and drift, and run every runbook against its fixture in a sandbox."
        )

        @OptionGroup var source: SourceOptions

        @Option(help: ArgumentHelp("Only this runbook's fixture.", valueName: "id"))
        var runbook: String?

        @Option(
            help: ArgumentHelp("Also write a JUnit XML report here (checked before anything runs).", valueName: "file"))
        var junit: String?

        @Flag(
            help:
                "Also run mutants of each passing runbook (its page's commands changed one at a time) and report the mutation score and every surviving mutant."
        )
        var mutate = false

        @Option(
            help: ArgumentHelp("With --mutate: at most N mutants per runbook, a deterministic sample.", valueName: "N"))
        var mutants: Int?

        @Option(
            name: .customLong("mutation-seed"),
            help: ArgumentHelp("With --mutants: the seed of the sample (default 1).", valueName: "seed"))
        var mutationSeed: UInt64 = 1

        @Option(
            name: .customLong("min-score"),
            help: ArgumentHelp(
                "With --mutate: fail when a runbook's mutation score (killed/total) is below this (0–1).",
                valueName: "score"))
        var minScore: Double?

        @Flag(help: "Print a JSON report on standard output (and nothing else there).")
        var json = false

        @Flag(help: "Print GitHub Actions annotations (on standard error); also on when GITHUB_ACTIONS=true.")
        var github = false

        @Flag(help: "Keep each runbook's sandbox folder and print where it is.")
        var keep = false

        @Flag(help: "Fail on any warning (shellcheck findings, unchecked runbooks, …), as build --strict does.")
        var strict = false

        @Flag(
            name: .customLong("no-sandbox"),
            help: "Run runbooks WITHOUT isolation (no bubblewrap): they can touch this machine.")
        var noSandbox = false

        @Flag(
            name: .customLong("print-fixture-schema"),
            help: "Print the fixture.yml reference table (Markdown) and exit.")
        var printFixtureSchema = false

        @Option(
            help: ArgumentHelp(
                "Run only shard K of N: the runbooks whose id hashes to it and, with --mutate, a share of every runbook's mutants. The site checks still cover everything.",
                valueName: "K/N"))
        var shard: String?

        @Option(
            help: ArgumentHelp(
                "Run at most N runbooks (and, with --mutate, mutants) at once in the sandbox (default: the number of cores; 1 with --no-sandbox). The report is the same for any N.",
                valueName: "N"))
        var jobs: Int?

        @Option(
            name: .customLong("changed-since"),
            help: ArgumentHelp(
                "Run only the runbooks whose page, fixture or committed script changed since this git ref (every runbook when docket.yml changed), uncommitted changes included.",
                valueName: "ref"))
        var changedSince: String?

        @Option(
            name: .customLong("merge-reports"), parsing: .upToNextOption,
            help: ArgumentHelp(
                "Check nothing: merge these JSON reports of --shard runs into one, printed as a check prints (with --json, --junit, --github).",
                valueName: "report.json"))
        var mergeReports: [String] = []

        func run() throws {
            if printFixtureSchema {
                print(FixtureSchema.fixture.markdownTable, terminator: "")
                return
            }
            if let junit, let problem = Self.unwritable(junit) {
                FileHandle.standardError.write(Data("docket check: error: --junit \(junit): \(problem)\n".utf8))
                throw ExitCode(2)
            }
            if !mergeReports.isEmpty { return try merge() }
            var options = CheckOptions(server: Self.ownExecutable)
            options.build = source.buildOptions
            options.runbook = runbook
            options.keep = keep
            options.strict = strict
            options.unsandboxed = noSandbox
            if let mutants, mutants < 1 {
                FileHandle.standardError.write(Data("docket check: error: --mutants must be at least 1\n".utf8))
                throw ExitCode(2)
            }
            if let minScore, !(0...1).contains(minScore) {
                FileHandle.standardError.write(
                    Data("docket check: error: --min-score is a fraction between 0 and 1, not \(minScore)\n".utf8))
                throw ExitCode(2)
            }
            options.mutate = mutate || mutants != nil || minScore != nil
            options.mutants = mutants
            options.mutationSeed = mutationSeed
            options.minScore = minScore
            if runbook != nil, shard != nil || changedSince != nil {
                throw Self.usage(
                    "--runbook names one runbook; it cannot be combined with \(shard != nil ? "--shard" : "--changed-since")"
                )
            }
            if let shard {
                do throws(CheckShardError) { options.shard = try CheckShard(parsing: shard) } catch {
                    throw Self.usage("\(error)")
                }
            }
            // The edge: PATH and the environment are read here, and what they name is passed in
            // (DocketChecks and DocketSandbox read neither).
            let environment = ProcessInfo.processInfo.environment
            let find = { (name: String) in Executables.find(name, path: environment["PATH"]) }
            if let changedSince {
                do throws(ChangedFilesError) {
                    options.changedSince = try ChangedFiles.since(
                        changedSince, in: URL(fileURLWithPath: source.root ?? "."),
                        git: find("git"), environment: environment)
                } catch {
                    throw Self.usage("\(error)")
                }
            }
            options.shellcheck = find("shellcheck")
            options.sandboxTools = SandboxTools(find: find)
            // The sandbox user matters only to a sandbox started as root.
            if geteuid() == 0, !noSandbox, let value = environment[SandboxUser.variable] {
                do throws(SandboxError) { options.sandboxUser = try SandboxUser.parse(value) } catch {
                    throw Self.usage("\(error)")
                }
            }
            if let jobs, jobs < 1 {
                throw Self.usage("--jobs must be at least 1, not \(jobs)")
            }
            // Unisolated runbooks could touch the same files of this machine: one at a time.
            options.jobs = jobs ?? (noSandbox ? 1 : ProcessInfo.processInfo.activeProcessorCount)
            if noSandbox {
                FileHandle.standardError.write(
                    Data(
                        "docket check: WARNING: --no-sandbox runs runbooks on this machine, with no isolation of files, network or processes\n"
                            .utf8))
            } else if options.sandboxTools.bubblewrap == nil {
                FileHandle.standardError.write(
                    Data(
                        "docket check: error: bwrap (bubblewrap) is not installed; install it (apt-get install bubblewrap) or pass --no-sandbox to run runbooks unisolated\n"
                            .utf8))
                throw ExitCode(1)
            }
            let interactive = isatty(STDERR_FILENO) == 1
            let report = SiteCheck.run(options) { message in
                if interactive { FileHandle.standardError.write(Data("\(message)\n".utf8)) }
            }
            try emit(report, json: report.json)
            if report.failed { throw ExitCode(1) }
        }

        /// The human report on standard error, then the JUnit file, the annotations and the
        /// JSON report (`json`: the check's own, or a merged one).
        private func emit(_ report: CheckReport, json jsonText: String) throws {
            DiagnosticPrinter().print(report.all)
            for result in report.runbooks {
                let ok = result.steps.filter(\.passed).count
                let line =
                    "runbook \(result.runbook): \(result.passed ? "passed" : "FAILED") (\(ok)/\(result.steps.count) steps as expected, \(String(format: "%.1f", result.duration)) s)"
                FileHandle.standardError.write(Data((line + "\n").utf8))
                for (index, folder) in result.keptFolders.enumerated() {
                    let which = index == 0 ? "" : "; the second run, for idempotence"
                    FileHandle.standardError.write(
                        Data(
                            "  sandbox kept at \(folder.path) (home/, control/output.log, control/calls.log, control/requests.jsonl\(which))\n"
                                .utf8))
                }
            }
            for score in report.mutation {
                FileHandle.standardError.write(Data((score.report + "\n").utf8))
            }
            if let junit { try report.junit.write(toFile: junit, atomically: true, encoding: .utf8) }
            // Standard output carries the JSON report alone; annotations go to standard error,
            // where GitHub Actions reads workflow commands as well.
            if github || ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" {
                FileHandle.standardError.write(Data(report.githubAnnotations.utf8))
            }
            for note in report.notes {
                FileHandle.standardError.write(Data("docket check: \(note)\n".utf8))
            }
            FileHandle.standardError.write(Data((report.summary + "\n").utf8))
            if json { print(jsonText, terminator: "") }
        }

        /// `--merge-reports`: the shards' reports as one, or every problem with them (exit 2).
        private func merge() throws {
            let alone = [
                ("--runbook", runbook != nil), ("--mutate", mutate), ("--mutants", mutants != nil),
                ("--min-score", minScore != nil),
                ("--keep", keep), ("--no-sandbox", noSandbox), ("--shard", shard != nil),
                ("--changed-since", changedSince != nil),
                ("--jobs", jobs != nil),
            ]
            if let other = alone.first(where: \.1) {
                throw Self.usage(
                    "--merge-reports merges finished reports and runs nothing, so \(other.0) does not apply")
            }
            var inputs: [ReportMerge.Input] = []
            for path in mergeReports {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw Self.usage(
                        "--merge-reports \(path): \(FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")"
                    )
                }
                inputs.append(ReportMerge.Input(path: path, data: data))
            }
            let merged: MergedReport
            do throws(ReportMergeError) {
                merged = try ReportMerge.merge(inputs)
            } catch {
                DiagnosticPrinter().print(error.problems)
                throw Self.usage("--merge-reports: the reports cannot be merged; nothing was written")
            }
            var report = merged.report
            report.strict = report.strict || strict
            try emit(report, json: merged.json)
            if report.failed { throw ExitCode(1) }
        }

        /// Prints `docket check: error: MESSAGE` and gives the usage exit code, 2.
        static func usage(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("docket check: error: \(message)\n".utf8))
            return ExitCode(2)
        }

        /// Why a JUnit report cannot be written at `path`, if it cannot: found before the check
        /// runs for minutes and then loses its report.
        static func unwritable(_ path: String) -> String? {
            var isFolder: ObjCBool = false
            if path.isEmpty { return "an empty path" }
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                if isFolder.boolValue { return "is a folder" }
                return access(path, W_OK) == 0 ? nil : "is not writable"
            }
            let parent = (path as NSString).deletingLastPathComponent
            let folder = parent.isEmpty ? "." : parent
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                return "its folder \(folder) does not exist"
            }
            return access(folder, W_OK) == 0 ? nil : "its folder \(folder) is not writable"
        }

        /// This docket executable (it serves fixtures inside the sandbox).
        static var ownExecutable: URL {
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
    }
}
