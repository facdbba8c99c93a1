import DocketTestSupport
import Foundation
import Testing

/// `docket check` against hostile pages and fixtures (`Tests/Fixtures/checks/<case>`): links the
/// run leaves, fixtures that reach out of their folder, forged step outcomes, numbers out of
/// range, parameter values kept off command lines.
@Suite(.serialized) struct CheckSafetyTests {
    /// A copy of `Tests/Fixtures/checks/<name>` with `@KEY@` replaced in its pages and fixtures,
    /// its runbooks generated.
    private func project(_ name: String, replacing values: [String: String] = [:]) throws -> URL {
        let temp = Fixtures.temporaryDirectory("docket-safety")
        let source = Fixtures.url("checks").appendingPathComponent(name)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(item), to: temp.appendingPathComponent(item))
        }
        for path in try FileManager.default.subpathsOfDirectory(atPath: temp.path)
        where path.hasSuffix(".md") || path.hasSuffix(".yml") {
            let url = temp.appendingPathComponent(path)
            var text = try String(contentsOf: url, encoding: .utf8)
            for (key, value) in values { text = text.replacingOccurrences(of: "@\(key)@", with: value) }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let generated = try BinaryTests().docket(["runbooks"], in: temp)
        #expect(generated.status == 0, "\(generated.stderr)")
        return temp
    }

    /// A host folder outside the project holding `app.env` with a line no report may show.
    private func hostSecret() throws -> (folder: URL, file: URL, marker: String) {
        let folder = Fixtures.temporaryDirectory("docket-host")
        let marker = "host-only-\(UUID().uuidString)"
        let file = folder.appendingPathComponent("app.env")
        try "KEY=\(marker)\n".write(to: file, atomically: true, encoding: .utf8)
        return (folder, file, marker)
    }

    private func errors(_ json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        return diagnostics.filter { $0["severity"] as? String == "error" }.map {
            let line = $0["line"] as? Int ?? 0, column = $0["column"] as? Int ?? 0
            return
                "\($0["file"] as? String ?? ""):\(line > 0 ? "\(line):\(max(column, 1)): " : " ")\($0["message"] as? String ?? "")"
        }
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func linksTheRunLeavesAreReportedAndNeverFollowed() throws {
        let host = try hostSecret()
        defer { try? FileManager.default.removeItem(at: host.folder) }
        let project = try project("links", replacing: ["TARGET": host.file.path, "FOLDER": host.folder.path])
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1)
        let found = try errors(run.stdout)
        for expected in [
            "docs/links.md:11:1: runbook links: ~/app.env is a symbolic link, the fixture expects a file",
            "docs/links.md:12:1: runbook links: ~/host.env is a symbolic link, the fixture expects a file",
            "docs/links.md:11:1: runbook links: ~/conf is a symbolic link, the fixture expects a folder",
            "runbooks/fixtures/links/fixture.yml:11:5: runbook links: ~/conf is a symbolic link, the fixture expects a folder",
            "docs/links.md:14:1: runbook links: ~/copy.txt is a symbolic link, the fixture expects a file",
        ] {
            #expect(found.contains(expected), "missing: \(expected)\ngot:\n\(found.joined(separator: "\n"))")
        }
        #expect(found.count == 5, "the real file passes, nothing else fails:\n\(found.joined(separator: "\n"))")
        #expect(
            !run.stdout.contains(host.marker) && !run.stderr.contains(host.marker), "a host file reached the report")
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aFixtureReachingOutOfItsFolderIsRefusedBeforeAnythingRuns() throws {
        let host = try hostSecret()
        defer { try? FileManager.default.removeItem(at: host.folder) }
        let project = try project("unsafe")
        defer { try? FileManager.default.removeItem(at: project) }
        let fixture = project.appendingPathComponent("runbooks/fixtures/unsafe")
        let fm = FileManager.default
        try fm.createSymbolicLink(
            atPath: fixture.appendingPathComponent("home/notes.txt").path, withDestinationPath: host.file.path)
        try fm.createSymbolicLink(
            atPath: fixture.appendingPathComponent("home/inner.txt").path, withDestinationPath: "plain.txt")
        try fm.createSymbolicLink(
            atPath: fixture.appendingPathComponent("http/linked.txt").path, withDestinationPath: host.file.path)
        try fm.createDirectory(at: fixture.appendingPathComponent("stubs"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(
            atPath: fixture.appendingPathComponent("stubs/tool").path, withDestinationPath: host.file.path)
        #expect(mkfifo(fixture.appendingPathComponent("home/pipe").path, 0o600) == 0)
        try fm.createSymbolicLink(
            atPath: fixture.appendingPathComponent("work").path, withDestinationPath: host.folder.path)

        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1)
        let found = try errors(run.stdout)
        let yml = "runbooks/fixtures/unsafe/fixture.yml"
        for expected in [
            "\(yml):3:6: 'cwd' must not contain '..'",
            "\(yml):6:11: the body file '../../../../../../../../etc/hostname' leaves the fixture folder",
            "\(yml):8:11: the body file '/etc/hostname' leaves the fixture folder",
            "\(yml):10:11: the body file 'http/linked.txt' is a symbolic link in the fixture, not a file",
            "\(yml):15:18: 'creates' must not contain '..'",
            "\(yml):19:16: the same_as file '../../../../etc/hostname' leaves the fixture folder",
            "\(yml):20:5: 'files' must not contain '..'",
            "\(yml):25:16: the same_as file '/etc/hostname' leaves the fixture folder",
            "runbooks/fixtures/unsafe/home/notes.txt: a symbolic link to \(host.file.path), outside the fixture",
            "runbooks/fixtures/unsafe/home/inner.txt: a symbolic link (to plain.txt): fixture trees hold files and folders only",
            "runbooks/fixtures/unsafe/home/pipe: a named pipe in the fixture",
            "runbooks/fixtures/unsafe/stubs/tool: the stub tool is a symbolic link",
            "runbooks/fixtures/unsafe/work: work/ is a symbolic link",
        ] {
            #expect(
                found.contains { $0.hasPrefix(expected) },
                "missing: \(expected)\ngot:\n\(found.joined(separator: "\n"))")
        }
        // A system path outside what the sandbox can check (its wording names the root/ overlay
        // where the fixture has one).
        #expect(
            found.contains {
                $0.hasPrefix("\(yml):22:5: ") && $0.contains("/etc/passwd") && $0.contains("sandbox's home (~/…)")
            },
            "\(found.joined(separator: "\n"))")
        #expect(!run.stderr.contains("runbook unsafe: "), "the runbook must not run: \(run.stderr)")
        #expect(!run.stdout.contains(host.marker) && !run.stderr.contains(host.marker))
    }

    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func numbersOutOfRangeAreLocatedErrorsNotACrash() throws {
        let project = try project("numbers")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1, "a located error, not a trap: \(run.stderr)")
        let found = try errors(run.stdout)
        let yml = "runbooks/fixtures/numbers/fixture.yml"
        for expected in [
            "\(yml):1:10: 'timeout' must be a whole number from 1 to 86400, not 1e30",
            "\(yml):2:15: 'step_timeout' must be a whole number",
            "\(yml):4:14: 'processes' must be a whole number from 16 to 4096, not -1",
            "\(yml):5:15: 'memory_mib' must be a whole number from 128 to 16384, not 1.5",
            "\(yml):6:13: 'disk_mib' must be a whole number from 16 to 16384, not 99999999",
            "\(yml):10:13: 'status' must be a whole number from 100 to 599, not 1.5",
            "\(yml):12:13: 'status' must be a whole number from 100 to 599, not 600",
            "\(yml):15:13: 'exit' must be a whole number from 0 to 255, not -1",
            "\(yml):16:15: 'status' must be a whole number from 0 to 255, not 256",
            "\(yml):17:15: 'status' must be a whole number",
        ] {
            #expect(
                found.contains { $0.hasPrefix(expected) },
                "missing: \(expected)\ngot:\n\(found.joined(separator: "\n"))")
        }
        #expect(!found.contains { $0.contains("output_kib") }, "64 KiB of output is in range")
    }

    /// A step writes `one 0` into every pipe it can open through /proc, then fails with status
    /// 3: the check fails whether or not the line reached the status pipe.
    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aForgedSuccessLineDoesNotPass() throws {
        let project = try project("forged")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1, "\(run.stderr)")
        let found = try errors(run.stdout)
        #expect(
            found.contains { $0.hasPrefix("docs/forged.md:10:1: runbook forged: ") }, "\(found.joined(separator: "\n"))"
        )
        #expect(run.stderr.contains("runbook forged: FAILED"))
    }

    /// A step reports success for every step and kills the runtime before it reports: the
    /// runbook's exit status (137) contradicts the reports, or no report arrived at all.
    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func aRuntimeKilledAfterForgedReportsDoesNotPass() throws {
        let project = try project("silenced")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--json"], in: project)
        #expect(run.status == 1, "\(run.stderr)")
        let found = try errors(run.stdout)
        #expect(
            found.contains {
                $0.contains("the runbook exited with status 137 although every step reported success")
                    || $0.contains("the runbook exited with status 137 before any step reported an outcome")
            }, "\(found.joined(separator: "\n"))")
    }

    /// Values with spaces, quotes, `=`, `$` and backslashes reach the runbook exactly, through
    /// `--params-file`; no process in the sandbox has a value on its command line.
    @Test(.enabled(if: CheckTests.bwrap, "bwrap is not installed; docket check tests skipped"))
    func parameterValuesTravelInAFileNotOnACommandLine() throws {
        let project = try project("params")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryTests().docket(["check", "--json", "--runbook", "params"], in: project)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr.contains("runbook params: passed"))
    }
}
