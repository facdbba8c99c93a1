import DocketDiagnostics
import DocketSandbox
import DocketSite
import DocketYAML
import Foundation

/// Reads `fixture.yml` with every problem located, and finds the fixture's stubs and files.
public enum FixtureLoader {
    public static func load(folder: URL, displayFolder: String) -> (Fixture?, Diagnostics) {
        let display = displayFolder + "/fixture.yml"
        var reader = YAMLFieldReader(path: display)
        let file = folder.appendingPathComponent("fixture.yml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            reader.diagnostics.error(at: SourceLocation(path: display, line: 0, column: 0), "cannot read the fixture")
            return (nil, reader.diagnostics)
        }
        let root: YAMLNode
        do {
            guard let parsed = try YAMLParser.parse(text), parsed.mapping != nil else {
                reader.diagnostics.error(at: SourceLocation(path: display, line: 1, column: 1), "a fixture must be a mapping (params, http, expect, …)")
                return (nil, reader.diagnostics)
            }
            root = parsed
        } catch {
            reader.diagnostics.error(at: SourceLocation(path: display, line: error.line, column: error.column), "invalid YAML: \(error.message)")
            return (nil, reader.diagnostics)
        }
        var fixture = Fixture(
            folder: folder.path, displayPath: display, params: [], directory: "~", timeoutSeconds: 300, stepTimeoutSeconds: 120,
            routes: [], stubs: [], expectations: Expectations(), location: SourceLocation(path: display, line: 1, column: 1))
        for pair in root.mapping! {
            guard let key = pair.key.string else { continue }
            let v = pair.value
            switch key {
            case "params":
                for param in v.mapping ?? [] {
                    guard let name = param.key.string else { continue }
                    fixture.params.append((name, param.value.string ?? ""))
                }
            case "cwd": fixture.directory = reader.string(v, key) ?? "~"
            case "timeout": fixture.timeoutSeconds = reader.number(v, key).map { Int($0) } ?? 300
            case "step_timeout": fixture.stepTimeoutSeconds = reader.number(v, key).map { Int($0) } ?? 120
            case "http": fixture.routes = routes(v, folder: folder, reader: &reader)
            case "hosts": fixture.hosts = reader.stringList(v, key) ?? []
            case "stubs": fixture.stubs += declarativeStubs(v, reader: &reader)
            case "expect": fixture.expectations = expectations(v, reader: &reader)
            default: reader.diagnostics.warning(at: reader.location(pair.key), "unknown fixture key '\(key)' (params, cwd, timeout, step_timeout, http, hosts, stubs, expect)")
            }
        }
        let stubsFolder = folder.appendingPathComponent("stubs")
        let declared = Set(fixture.stubs.map(\.name))
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: stubsFolder.path)) ?? []).sorted() where !name.hasPrefix(".") {
            if declared.contains(name) {
                reader.diagnostics.error(at: fixture.location, "stub '\(name)' is both a file in stubs/ and declared under stubs:")
                continue
            }
            fixture.stubs.append(Stub(name: name, behaviour: .executable(path: stubsFolder.appendingPathComponent(name).path)))
        }
        return (fixture, reader.diagnostics)
    }

    private static func routes(_ node: YAMLNode, folder: URL, reader: inout YAMLFieldReader) -> [FixtureRoute] {
        guard let items = node.sequence else {
            reader.fail(node, "'http' must be a list of routes {url, method, status, headers, body}")
            return []
        }
        var routes: [FixtureRoute] = []
        for item in items {
            guard let url = item["url"]?.string, let parsed = URLComponents(string: url), let scheme = parsed.scheme, let host = parsed.host else {
                reader.fail(item, "a route needs a full 'url' (https://host/path)")
                continue
            }
            var headers: [String: String] = [:]
            for header in item["headers"]?.mapping ?? [] {
                if let name = header.key.string { headers[name] = header.value.string ?? "" }
            }
            var body: String?
            if let file = item["body"]?.string {
                let path = folder.appendingPathComponent(file).path
                if !FileManager.default.fileExists(atPath: path) {
                    reader.fail(item["body"]!, "the body file '\(file)' does not exist in the fixture")
                }
                body = path
            }
            routes.append(FixtureRoute(
                method: item["method"]?.string?.uppercased() ?? "GET", scheme: scheme, host: host.lowercased(),
                path: parsed.percentEncodedPath.isEmpty ? "/" : parsed.percentEncodedPath, query: parsed.percentEncodedQuery,
                status: item["status"]?.number.map { Int($0) } ?? 200, headers: headers, bodyFile: body))
        }
        return routes
    }

    private static func declarativeStubs(_ node: YAMLNode, reader: inout YAMLFieldReader) -> [Stub] {
        guard let pairs = node.mapping else {
            reader.fail(node, "'stubs' maps a command name to a list of answers {args|match, stdout, stderr, status, creates}")
            return []
        }
        var stubs: [Stub] = []
        for pair in pairs {
            guard let name = pair.key.string else { continue }
            var rules: [StubRule] = []
            for item in pair.value.sequence ?? [] {
                var creates: [String: String] = [:]
                for file in item["creates"]?.mapping ?? [] {
                    if let path = file.key.string { creates[path] = file.value.string ?? "" }
                }
                rules.append(StubRule(
                    exact: item["args"]?.string, pattern: item["match"]?.string, stdout: item["stdout"]?.string ?? "",
                    stderr: item["stderr"]?.string ?? "", status: (item["status"] ?? item["exit"])?.number.map { Int($0) } ?? 0, creates: creates))
            }
            stubs.append(Stub(name: name, behaviour: .rules(rules)))
        }
        return stubs
    }

    private static func expectations(_ node: YAMLNode, reader: inout YAMLFieldReader) -> Expectations {
        var expect = Expectations()
        for pair in node.mapping ?? [] {
            guard let key = pair.key.string else { continue }
            let v = pair.value
            switch key {
            case "steps":
                for step in v.mapping ?? [] {
                    guard let name = step.key.string, let text = step.value.string else { continue }
                    let outcome: Expectations.StepOutcome
                    switch text.split(separator: " ").first {
                    case "ok", "passes": outcome = .ok
                    case "skipped": outcome = .skipped
                    case "failed", "fails": outcome = .failed(text.split(separator: " ").dropFirst().last.flatMap { Int($0) })
                    default:
                        reader.fail(step.value, "a step outcome is ok, failed, 'failed N' or skipped")
                        continue
                    }
                    if name == "*" { expect.defaultStep = outcome } else {
                        expect.steps[name] = outcome
                        expect.stepLocations[name] = reader.location(step.key)
                    }
                }
            case "files":
                for file in v.mapping ?? [] {
                    guard let path = file.key.string else { continue }
                    var check = Expectations.FileCheck(path: path, location: reader.location(file.key))
                    let f = file.value
                    if let exists = f["exists"]?.bool { check.exists = exists }
                    if let absent = f["absent"]?.bool { check.exists = !absent }
                    check.mode = f["mode"]?.string
                    check.contains = f["contains"].flatMap { reader.stringList($0, "contains") } ?? []
                    check.notContains = f["not_contains"].flatMap { reader.stringList($0, "not_contains") } ?? []
                    check.matches = f["matches"].flatMap { reader.stringList($0, "matches") } ?? []
                    check.notMatches = f["not_matches"].flatMap { reader.stringList($0, "not_matches") } ?? []
                    check.sameAs = f["same_as"]?.string
                    check.yamlSubset = f["yaml_subset"]?.string
                    check.jsonSubset = f["json_subset"]?.string
                    for pattern in check.matches + check.notMatches where (try? NSRegularExpression(pattern: pattern)) == nil {
                        reader.fail(f, "'\(pattern)' is not a valid regular expression")
                    }
                    expect.files.append(check)
                }
            case "calls":
                for item in v.sequence ?? [] {
                    if let command = item.string {
                        expect.calls.append((command, false, reader.location(item)))
                    } else if let pattern = item["match"]?.string {
                        if (try? NSRegularExpression(pattern: pattern)) == nil {
                            reader.fail(item, "'\(pattern)' is not a valid regular expression")
                        }
                        expect.calls.append((pattern, true, reader.location(item)))
                    } else {
                        reader.fail(item, "a call is a command line, or {match: REGEX}")
                    }
                }
            case "requests":
                for item in v.sequence ?? [] {
                    if let request = item.string { expect.requests.append((request, reader.location(item))) }
                }
            case "output":
                expect.outputContains = v["contains"].flatMap { reader.stringList($0, "output.contains") } ?? []
                expect.outputNotContains = v["not_contains"].flatMap { reader.stringList($0, "output.not_contains") } ?? []
            default:
                reader.diagnostics.warning(at: reader.location(pair.key), "unknown expectation '\(key)' (steps, files, calls, requests, output)")
            }
        }
        return expect
    }
}
