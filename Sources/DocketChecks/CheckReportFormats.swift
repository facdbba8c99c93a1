import DocketBuild
import DocketDiagnostics
import Foundation

extension CheckReport {
    /// A JSON document: every diagnostic (with its stable `code`, `step` and related places)
    /// and each runbook's step outcomes and expectations.
    public var json: String {
        func place(_ l: SourceLocation) -> [String: Any] { ["file": l.path, "line": l.line, "column": l.column] }
        func diagnostic(_ d: Diagnostic) -> [String: Any] {
            var entry: [String: Any] = place(d.location).merging(["severity": d.severity.rawValue, "message": d.message]) { a, _ in a }
            if let detail = d.detail { entry["detail"] = detail }
            if let code = d.code { entry["code"] = code }
            if let step = d.step { entry["step"] = step }
            if !d.related.isEmpty { entry["related"] = d.related.map(place) }
            return entry
        }
        let runbooks: [[String: Any]] = runbooks.map { result in
            [
                "id": result.runbook, "passed": result.passed, "durationSeconds": (result.duration * 100).rounded() / 100,
                "steps": result.steps.map { ["name": $0.name, "outcome": $0.actual.description, "expected": $0.expected.description,
                                             "file": $0.location.path, "line": $0.location.line, "passed": $0.passed] as [String: Any] },
                "expectations": result.expectations.map { e in
                    place(e.location).merging(["name": e.name, "state": e.state.rawValue]) { a, _ in a }
                },
                "failures": result.failures.map(diagnostic),
            ]
        }
        let all = self.all
        var object: [String: Any] = [
            "passed": !failed, "diagnostics": all.sorted.map(diagnostic), "runbooks": runbooks,
            "summary": ["pages": pages, "links": links, "runbooks": self.runbooks.count, "errors": all.errors.count,
                        "warnings": all.warnings.count, "strict": strict],
        ]
        object.merge(jsonHeader) { a, _ in a }  // version and shard (CheckReport.swift)
        if !mutation.isEmpty {
            object["mutation"] = mutation.map { score in
                func mutant(_ m: Mutant) -> [String: Any] {
                    place(m.location).merging(["kind": m.kind, "step": m.step, "original": m.original, "replacement": m.replacement]) { a, _ in a }
                }
                var entry: [String: Any] = [
                    "runbook": score.runbook, "total": score.total, "killed": score.killed, "survived": score.survived,
                    "timedOut": score.timedOut, "notCheckable": score.notCheckable,
                    "errors": score.errors, "score": (score.score * 1000).rounded() / 1000,
                    "mutantsPerSecond": (score.perSecond * 100).rounded() / 100,
                    "durationSeconds": (score.duration * 10).rounded() / 10,
                    "survivors": score.survivors.map(mutant),
                ]
                // Absent from a merged report, which carries the shards' entries as written.
                if !score.results.isEmpty {
                    entry["mutants"] = score.results.map { result in
                        mutant(result.mutant).merging(["outcome": result.outcome.rawValue,
                                                       "seconds": (result.duration * 100).rounded() / 100]) { a, _ in a }
                    }
                }
                if !score.uncovered.isEmpty {
                    entry["uncovered"] = score.uncovered.map { place in
                        var item: [String: Any] = ["file": place.location.path, "line": place.location.line, "endLine": place.endLine,
                                                   "column": place.location.column, "kind": place.kind.rawValue, "text": place.text,
                                                   "mutants": place.mutants]
                        if let label = place.label { item["label"] = label }
                        return item
                    }
                }
                return entry
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
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
        func testCase(_ name: String, _ className: String, _ problems: [Diagnostic], file: String? = nil, line: Int? = nil, skipped: String? = nil) -> String {
            var out = "    <testcase name=\"\(xml(name))\" classname=\"\(xml(className))\""
            if let file { out += " file=\"\(xml(file))\"" }
            if let line { out += " line=\"\(line)\"" }
            let errors = problems.filter { $0.severity == .error || strict }
            if errors.isEmpty && skipped == nil { return out + "/>\n" }
            out += ">\n"
            if let skipped { out += "      <skipped message=\"\(xml(skipped))\"/>\n" }
            for problem in errors {
                out += "      <failure message=\"\(xml(problem.location.description + ": " + problem.message))\" type=\"\(xml(problem.code ?? problem.severity.rawValue))\">\(xml(problem.detail ?? ""))</failure>\n"
            }
            return out + "    </testcase>\n"
        }
        let siteCases = [("links and front matter", site), ("runbook lint", lint), ("runbook drift", drift), ("fixtures", fixtures)]
        suites.append(suite("docket site", siteCases.map { testCase($0.0, "docket.site", $0.1.all) },
                            failures: siteCases.filter { $0.1.hasErrors || (strict && !$0.1.isEmpty) }.count))
        for result in runbooks {
            var cases: [String] = []
            var failures = 0, skipped = 0
            var assigned = Set<Diagnostic>()
            let failedStep = result.steps.first { if case .failed = $0.actual { return true } else { return false } }?.name
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
                cases.append(testCase(step.name, "runbook.\(result.runbook).steps", problems, file: step.location.path, line: step.location.line, skipped: note))
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
                cases.append(testCase(expectation.name, "runbook.\(result.runbook).expect", expectation.failures,
                                      file: expectation.location.path, line: expectation.location.line, skipped: note))
            }
            let others = result.failures.filter { !assigned.contains($0) }
            if !others.isEmpty { failures += 1 }
            cases.append(testCase("run", "runbook.\(result.runbook)", others))
            suites.append(suite("runbook \(result.runbook)", cases, failures: failures, skipped: skipped, time: result.duration))
        }
        for score in mutation where !score.results.isEmpty || !score.uncovered.isEmpty {
            suites.append(mutationSuite(score, suite: suite))
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"docket check\">\n" + suites.joined() + "</testsuites>\n"
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
            var out = "    <testcase name=\"\(xml("\(m.kind) \(m.location.line):\(m.location.column) \(m.summary)"))\" classname=\"\(xml(className))\""
                + " file=\"\(xml(m.location.path))\" line=\"\(m.location.line)\" time=\"\(String(format: "%.2f", result.duration))\""
            switch result.outcome {
            case .killed, .timedOut:
                out += result.outcome == .timedOut ? ">\n      <system-out>killed by the mutant time limit</system-out>\n    </testcase>\n" : "/>\n"
            case .survived:
                failures += 1
                out += ">\n      <failure message=\"\(xml("\(m.location): mutant survived: \(m.summary)"))\" type=\"mutation.survived\">"
                    + "\(xml("\(m.kind): the fixture passes with this change"))</failure>\n    </testcase>\n"
            case .error:
                skipped += 1
                out += ">\n      <skipped message=\"the sandbox could not run this mutant\"/>\n    </testcase>\n"
            }
            cases.append(out)
        }
        for place in score.uncovered {
            skipped += 1
            cases.append("    <testcase name=\"\(xml("not checkable \(place.location.line): \(place.kind.rawValue)\(place.label.map { " " + $0 } ?? "")"))\""
                         + " classname=\"\(xml("runbook.\(score.runbook).not-checkable"))\" file=\"\(xml(place.location.path))\" line=\"\(place.location.line)\">\n"
                         + "      <skipped message=\"\(xml("no run executes it: \(place.line)"))\"/>\n    </testcase>\n")
        }
        // MutationFindings says "runbook <id>: " first in a score error: that names its runbook.
        let below = mutationFindings.all.filter { $0.code == "mutation.score" && $0.message.hasPrefix("runbook \(score.runbook): ") }
        if !below.isEmpty { failures += 1 }
        var scoreCase = "    <testcase name=\"score\" classname=\"\(xml(className))\""
        if below.isEmpty {
            scoreCase += "/>\n"
        } else {
            scoreCase += ">\n" + below.map { "      <failure message=\"\(xml($0.location.description + ": " + $0.message))\" type=\"mutation.score\"/>\n" }.joined()
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
            return "::\(kind) file=\(d.location.path),line=\(max(d.location.line, 1)),col=\(max(d.location.column, 1))\(title)::\(message)"
        }.joined(separator: "\n") + "\n"
    }
}

private func xml(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
