import DocketBuild
import DocketDiagnostics
import Foundation

extension CheckReport {
    /// A JSON document: every diagnostic (with its stable `code`, `step` and related places)
    /// and each runbook's step outcomes and expectations (`CheckReportDocument`).
    public var json: String {
        ReportJSON.text(document)
    }

    /// The report as its JSON document.
    var document: CheckReportDocument {
        typealias Document = CheckReportDocument
        func problem(_ d: Diagnostic) -> Document.Problem {
            Document.Problem(
                file: d.location.path, line: d.location.line, column: d.location.column, severity: d.severity.rawValue,
                message: d.message, detail: d.detail, code: d.code, step: d.step,
                related: d.related.isEmpty ? nil : d.related.map(Document.Place.init))
        }
        func mutant(_ m: Mutant) -> Document.MutantEntry {
            Document.MutantEntry(
                file: m.location.path, line: m.location.line, column: m.location.column, kind: m.kind, step: m.step,
                original: m.original, replacement: m.replacement)
        }
        let runbooks = runbooks.map { result in
            Document.Runbook(
                id: result.runbook, passed: result.passed, durationSeconds: (result.duration * 100).rounded() / 100,
                steps: result.steps.map {
                    Document.Step(
                        name: $0.name, outcome: $0.actual.description, expected: $0.expected.description,
                        file: $0.location.path, line: $0.location.line, passed: $0.passed)
                },
                expectations: result.expectations.map { e in
                    Document.Expectation(
                        name: e.name, state: e.state.rawValue, file: e.location.path, line: e.location.line,
                        column: e.location.column)
                },
                failures: result.failures.map(problem))
        }
        let all = self.all
        let scores = mutation.map { score in
            Document.Score(
                runbook: score.runbook, total: score.total, killed: score.killed, survived: score.survived,
                timedOut: score.timedOut, notCheckable: score.notCheckable, errors: score.errors,
                score: (score.score * 1000).rounded() / 1000,
                mutantsPerSecond: (score.perSecond * 100).rounded() / 100,
                durationSeconds: (score.duration * 10).rounded() / 10,
                survivors: score.survivors.map(mutant),
                mutants: score.results.isEmpty
                    ? nil
                    : score.results.map { result in
                        var entry = mutant(result.mutant)
                        entry.outcome = result.outcome.rawValue
                        entry.seconds = (result.duration * 100).rounded() / 100
                        entry.index = result.index
                        return entry
                    },
                uncovered: score.uncovered.isEmpty
                    ? nil
                    : score.uncovered.map { place in
                        Document.UncoveredEntry(
                            file: place.location.path, line: place.location.line, endLine: place.endLine,
                            column: place.location.column, kind: place.kind.rawValue, label: place.label,
                            text: place.text, mutants: place.mutants)
                    },
                mutantCount: score.mutantCount, mutantSet: score.mutantSet, shard: score.share?.description,
                minScore: score.minScore, fixture: score.fixture.map(Document.Place.init))
        }
        return Document(
            passed: !failed, version: Self.formatVersion, shard: shard?.description,
            diagnostics: all.sorted.map(problem),
            runbooks: runbooks,
            summary: Document.Summary(
                pages: pages, links: links, runbooks: self.runbooks.count, errors: all.errors.count,
                warnings: all.warnings.count, strict: strict),
            mutation: scores.isEmpty ? nil : scores)
    }

    /// JUnit XML: a suite for the site checks; one per runbook with a case per step (`<skipped/>`
    /// when it did not run), a case per expectation of the fixture, and a case for the run
    /// itself. Failures are assigned by their `step` and by the expectation that found them,
    /// never by their wording.
    public var junit: String {
        var suites: [String] = []
        func suite(_ name: String, _ cases: [String], failures: Int, skipped: Int = 0, time: Double = 0) -> String {
            "  <testsuite name=\"\(xml(name))\" tests=\"\(cases.count)\" failures=\"\(failures)\" skipped=\"\(skipped)\" time=\"\(String(format: "%.2f", time))\">\n"
                + cases.joined() + "  </testsuite>\n"
        }
        func testCase(
            _ name: String, _ className: String, _ problems: [Diagnostic], file: String? = nil, line: Int? = nil,
            skipped: String? = nil
        ) -> String {
            var out = "    <testcase name=\"\(xml(name))\" classname=\"\(xml(className))\""
            if let file { out += " file=\"\(xml(file))\"" }
            if let line { out += " line=\"\(line)\"" }
            let errors = problems.filter { $0.severity == .error || strict }
            if errors.isEmpty && skipped == nil { return out + "/>\n" }
            out += ">\n"
            if let skipped { out += "      <skipped message=\"\(xml(skipped))\"/>\n" }
            for problem in errors {
                out +=
                    "      <failure message=\"\(xml(problem.location.description + ": " + problem.message))\" type=\"\(xml(problem.code ?? problem.severity.rawValue))\">\(xml(problem.detail ?? ""))</failure>\n"
            }
            return out + "    </testcase>\n"
        }
        let siteCases = [
            ("links and front matter", site), ("runbook lint", lint), ("runbook drift", drift), ("fixtures", fixtures),
        ]
        suites.append(
            suite(
                "docket site", siteCases.map { testCase($0.0, "docket.site", $0.1.all) },
                failures: siteCases.filter { $0.1.hasErrors || (strict && !$0.1.isEmpty) }.count))
        for result in runbooks {
            var cases: [String] = []
            var failures = 0, skipped = 0
            var assigned = Set<Diagnostic>()
            let failedStep = result.steps.first { if case .failed = $0.actual { return true } else { return false } }?
                .name
            for step in result.steps {
                let problems = result.failures.filter { $0.step == step.name && ($0.code ?? "").hasPrefix("step.") }
                assigned.formUnion(problems)
                var note: String?
                if step.actual == .skipped, step.expected != .skipped, let failedStep, problems.isEmpty {
                    note = "did not run: step \(failedStep) failed before it"
                    skipped += 1
                } else if !problems.isEmpty {
                    failures += 1
                }
                cases.append(
                    testCase(
                        step.name, "runbook.\(result.runbook).steps", problems, file: step.location.path,
                        line: step.location.line, skipped: note))
            }
            for expectation in result.expectations {
                assigned.formUnion(expectation.failures)
                var note: String?
                switch expectation.state {
                case .failed: failures += 1
                case .notChecked:
                    note = "not checked: its step did not run"
                    skipped += 1
                case .passed: break
                }
                cases.append(
                    testCase(
                        expectation.name, "runbook.\(result.runbook).expect", expectation.failures,
                        file: expectation.location.path, line: expectation.location.line, skipped: note))
            }
            let others = result.failures.filter { !assigned.contains($0) }
            if !others.isEmpty { failures += 1 }
            cases.append(testCase("run", "runbook.\(result.runbook)", others))
            suites.append(
                suite("runbook \(result.runbook)", cases, failures: failures, skipped: skipped, time: result.duration))
        }
        for score in mutation where !score.results.isEmpty || !score.uncovered.isEmpty {
            suites.append(mutationSuite(score, suite: suite))
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"docket check\">\n" + suites.joined()
            + "</testsuites>\n"
    }

    /// `--mutate`: a suite per runbook, `mutation <id>`, with a case per mutant (killed: passed;
    /// survived: a failure at the changed page line, whatever the exit status, since the suite
    /// tests the fixture; could not run: skipped), a skipped case per place no run covers, and a
    /// `score` case that fails when the score is below `--min-score`.
    func mutationSuite(_ score: MutationScore, suite: (String, [String], Int, Int, Double) -> String) -> String {
        var cases: [String] = []
        var failures = 0, skipped = 0
        let className = "runbook.\(score.runbook).mutants"
        for result in score.results {
            let m = result.mutant
            var out =
                "    <testcase name=\"\(xml("\(m.kind) \(m.location.line):\(m.location.column) \(m.summary)"))\" classname=\"\(xml(className))\""
                + " file=\"\(xml(m.location.path))\" line=\"\(m.location.line)\" time=\"\(String(format: "%.2f", result.duration))\""
            switch result.outcome {
            case .killed, .timedOut:
                out +=
                    result.outcome == .timedOut
                    ? ">\n      <system-out>killed by the mutant time limit</system-out>\n    </testcase>\n" : "/>\n"
            case .survived:
                failures += 1
                out +=
                    ">\n      <failure message=\"\(xml("\(m.location): mutant survived: \(m.summary)"))\" type=\"mutation.survived\">"
                    + "\(xml("\(m.kind): the fixture passes with this change"))</failure>\n    </testcase>\n"
            case .error:
                skipped += 1
                out += ">\n      <skipped message=\"the sandbox could not run this mutant\"/>\n    </testcase>\n"
            }
            cases.append(out)
        }
        for place in score.uncovered {
            skipped += 1
            cases.append(
                "    <testcase name=\"\(xml("not checkable \(place.location.line): \(place.kind.rawValue)\(place.label.map { " " + $0 } ?? "")"))\""
                    + " classname=\"\(xml("runbook.\(score.runbook).not-checkable"))\" file=\"\(xml(place.location.path))\" line=\"\(place.location.line)\">\n"
                    + "      <skipped message=\"\(xml("no run executes it: \(place.line)"))\"/>\n    </testcase>\n")
        }
        // MutationFindings says "runbook <id>: " first in a score error: that names its runbook.
        let below = mutationFindings.all.filter {
            $0.code == "mutation.score" && $0.message.hasPrefix("runbook \(score.runbook): ")
        }
        if !below.isEmpty { failures += 1 }
        var scoreCase = "    <testcase name=\"score\" classname=\"\(xml(className))\""
        if below.isEmpty {
            scoreCase += "/>\n"
        } else {
            scoreCase +=
                ">\n"
                + below.map {
                    "      <failure message=\"\(xml($0.location.description + ": " + $0.message))\" type=\"mutation.score\"/>\n"
                }.joined()
                + "    </testcase>\n"
        }
        cases.append(scoreCase)
        return suite("mutation \(score.runbook)", cases, failures, skipped, score.duration)
    }

    /// GitHub Actions workflow commands, one per diagnostic.
    public var githubAnnotations: String {
        all.sorted.map { d in
            let kind = d.severity == .error ? "error" : "warning"
            let message = (d.message + (d.detail.map { "\n" + $0 } ?? "")).replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
            let title = d.code.map { ",title=\($0)" } ?? ""
            return
                "::\(kind) file=\(d.location.path),line=\(max(d.location.line, 1)),col=\(max(d.location.column, 1))\(title)::\(message)"
        }.joined(separator: "\n") + "\n"
    }
}

private func xml(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
