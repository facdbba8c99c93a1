import DocketChecks
import DocketDiagnostics
import Foundation

extension CheckReport {
    /// A JSON document: every diagnostic and each runbook's step outcomes.
    public var json: String {
        func diagnostic(_ d: Diagnostic) -> [String: Any] {
            var entry: [String: Any] = ["file": d.location.path, "line": d.location.line, "column": d.location.column,
                                        "severity": d.severity.rawValue, "message": d.message]
            if let detail = d.detail { entry["detail"] = detail }
            return entry
        }
        let runbooks: [[String: Any]] = runbooks.map { result in
            [
                "id": result.runbook, "passed": result.passed, "durationSeconds": (result.duration * 100).rounded() / 100,
                "steps": result.steps.map { ["name": $0.name, "outcome": $0.actual.description, "expected": $0.expected.description,
                                             "file": $0.location.path, "line": $0.location.line, "passed": $0.passed] as [String: Any] },
                "failures": result.failures.map(diagnostic),
            ]
        }
        let object: [String: Any] = ["passed": !failed, "diagnostics": all.sorted.map(diagnostic), "runbooks": runbooks]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// JUnit XML: a suite for the site checks, one per runbook with a case per step.
    public var junit: String {
        var suites: [String] = []
        func suite(_ name: String, _ cases: [String], failures: Int, time: Double = 0) -> String {
            "  <testsuite name=\"\(xml(name))\" tests=\"\(cases.count)\" failures=\"\(failures)\" time=\"\(String(format: "%.2f", time))\">\n" + cases.joined() + "  </testsuite>\n"
        }
        func testCase(_ name: String, _ className: String, _ problems: [Diagnostic], file: String? = nil, line: Int? = nil) -> String {
            var out = "    <testcase name=\"\(xml(name))\" classname=\"\(xml(className))\""
            if let file { out += " file=\"\(xml(file))\"" }
            if let line { out += " line=\"\(line)\"" }
            let errors = problems.filter { $0.severity == .error }
            if errors.isEmpty { return out + "/>\n" }
            out += ">\n"
            for problem in errors {
                out += "      <failure message=\"\(xml(problem.location.description + ": " + problem.message))\">\(xml(problem.detail ?? ""))</failure>\n"
            }
            return out + "    </testcase>\n"
        }
        let siteCases = [("links and front matter", site), ("runbook lint", lint), ("runbook drift", drift), ("fixtures", fixtures)]
        suites.append(suite("docket site", siteCases.map { testCase($0.0, "docket.site", $0.1.all) },
                            failures: siteCases.filter { $0.1.hasErrors }.count))
        for result in runbooks {
            var cases: [String] = []
            var failures = 0
            for step in result.steps {
                let problems = result.failures.filter { $0.message.contains("step \(step.name) ") }
                if problems.contains(where: { $0.severity == .error }) { failures += 1 }
                cases.append(testCase(step.name, "runbook.\(result.runbook)", problems, file: step.location.path, line: step.location.line))
            }
            let others = result.failures.filter { failure in !result.steps.contains { failure.message.contains("step \($0.name) ") } }
            if !others.isEmpty { failures += 1 }
            cases.append(testCase("expectations", "runbook.\(result.runbook)", others))
            suites.append(suite("runbook \(result.runbook)", cases, failures: failures, time: result.duration))
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"docket check\">\n" + suites.joined() + "</testsuites>\n"
    }

    /// GitHub Actions workflow commands, one per diagnostic.
    public var githubAnnotations: String {
        all.sorted.map { d in
            let kind = d.severity == .error ? "error" : "warning"
            let message = (d.message + (d.detail.map { "\n" + $0 } ?? "")).replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
            return "::\(kind) file=\(d.location.path),line=\(max(d.location.line, 1)),col=\(max(d.location.column, 1))::\(message)"
        }.joined(separator: "\n") + "\n"
    }
}

private func xml(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
