import DocketDiagnostics
import DocketSandbox
import DocketSite
import DocketYAML
import Foundation

/// Reads `fixture.yml` with every problem located, and finds the fixture's stubs and files.
public enum FixtureLoader {
    public static func load(folder: URL, displayFolder: String) -> (Fixture?, Diagnostics) {
        let display = displayFolder + "/fixture.yml"
        var diagnostics = Diagnostics()
        // The folder and fixture.yml are read without following links: a fixture is content of
        // the repository, and a link could make it a host folder or a host file.
        for (url, shown) in [(folder, displayFolder), (folder.deletingLastPathComponent(), (displayFolder as NSString).deletingLastPathComponent)]
        where (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
            diagnostics.error(at: SourceLocation(path: shown, line: 0, column: 0), "\(shown) is a symbolic link; a fixture must be a folder of the repository")
            return (nil, diagnostics)
        }
        let text: String
        do {
            text = try SandboxFile.read("fixture.yml", beneath: folder, limit: 1 << 20).text
        } catch {
            diagnostics.error(at: SourceLocation(path: display, line: 0, column: 0), "cannot read the fixture: fixture.yml " + FixturePaths.problem(error, within: "its folder"))
            return (nil, diagnostics)
        }
        let document: YAMLDocument
        let root: YAMLNode
        do {
            document = try YAMLDocument(text, path: display)
            guard let mapping = try document.mapping(or: { _ in "a fixture must be a mapping (params, http, expect, …)" }) else {
                diagnostics.error(at: SourceLocation(path: display, line: 1, column: 1), "a fixture must be a mapping (params, http, expect, …)")
                return (nil, diagnostics)
            }
            root = mapping
        } catch {
            diagnostics.error(at: error.location, error.message)
            return (nil, diagnostics)
        }
        var reader = YAMLReader(document)
        var fixture = Fixture(
            folder: folder.path, displayPath: display, params: [], directory: "~", timeoutSeconds: 300, stepTimeoutSeconds: 120,
            routes: [], stubs: [], expectations: Expectations(), location: SourceLocation(path: display, line: 1, column: 1))
        // Unknown keys, at any depth, are errors at the key (with the closest known name).
        FixtureSchema.fixture.validate(root, reader: &reader)
        for pair in root.mapping! {
            guard let key = pair.key.string else { continue }
            let v = pair.value
            switch key {
            case "params":
                fixture.params = params(v, reader: &reader)
                fixture.paramsLocation = reader.location(pair.key)
            case "cwd": fixture.directory = FixturePaths.sandboxPath(v, key, reader: &reader) ?? "~"
            case "timeout": fixture.timeoutSeconds = reader.integer(v, key, in: Fixture.timeoutRange) ?? 300
            case "step_timeout": fixture.stepTimeoutSeconds = reader.integer(v, key, in: Fixture.timeoutRange) ?? 120
            case "http": fixture.routes = routes(v, folder: folder, reader: &reader)
            case "hosts": fixture.hosts = reader.stringList(v, key) ?? []
            case "stubs": fixture.stubs += declarativeStubs(v, reader: &reader)
            case "limits": fixture.limits = limits(v, reader: &reader)
            case "expect": fixture.expectations = expectations(v, folder: folder, reader: &reader)
            case "idempotent": fixture.idempotent = reader.bool(v, key) ?? true
            case "idempotent_reason": fixture.idempotentReason = reader.string(v, key)
            case "changes": fixture.changes = reader.stringList(v, key) ?? []
            case "unrouted":
                switch reader.string(v, key) {
                case "allow"?: fixture.unroutedAllowed = true
                case "error"?: fixture.unroutedAllowed = false
                case let other?: reader.fail(v, "'unrouted' is error (the default: a request no route answers fails the check) or allow, not '\(other)'")
                case nil: break
                }
            default: break  // FixtureSchema reported it
            }
        }
        if !fixture.idempotent, (fixture.idempotentReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            reader.diagnostics.error(at: fixture.location, "`idempotent: false` needs `idempotent_reason:` saying why running the runbook twice is not safe")
        }
        let declared = Set(fixture.stubs.map(\.name))
        for (name, path) in FixturePaths.stubFiles(folder: folder, displayFolder: displayFolder, diagnostics: &reader.diagnostics) {
            if declared.contains(name) {
                reader.diagnostics.error(at: fixture.location, "stub '\(name)' is both a file in stubs/ and declared under stubs:")
                continue
            }
            fixture.stubs.append(Stub(name: name, behaviour: .executable(path: path)))
        }
        // The trees copied into the sandbox: vetted here, so an unsafe one never reaches the copy.
        for tree in ["home", "work"] {
            FixturePaths.vetTree(tree, folder: folder, displayFolder: displayFolder, diagnostics: &reader.diagnostics)
        }
        FixtureOverlay.vet(fixture, folder: folder, displayFolder: displayFolder, diagnostics: &reader.diagnostics)
        return (fixture, reader.diagnostics)
    }

    /// `limits:` — `processes`, `disk_mib`, `memory_mib`, `output_kib` — each a whole number
    /// within the sandbox's range for it (`SandboxLimits`); the others keep their defaults.
    private static func limits(_ node: YAMLNode, reader: inout YAMLReader) -> SandboxLimits {
        var limits = SandboxLimits.defaults
        guard let pairs = node.mapping else {
            reader.fail(node, "'limits' maps processes, disk_mib, memory_mib or output_kib to a whole number")
            return limits
        }
        func scaled(_ range: ClosedRange<Int>, _ shift: Int) -> ClosedRange<Int> { (range.lowerBound >> shift)...(range.upperBound >> shift) }
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            switch key {
            case "processes":
                if let n = reader.integer(pair.value, key, in: SandboxLimits.processRange) { limits.processes = n }
            case "disk_mib":
                if let n = reader.integer(pair.value, key, in: scaled(SandboxLimits.diskRange, 20)) { limits.diskBytes = n << 20 }
            case "memory_mib":
                if let n = reader.integer(pair.value, key, in: scaled(SandboxLimits.memoryRange, 20)) { limits.memoryBytes = n << 20 }
            case "output_kib":
                if let n = reader.integer(pair.value, key, in: scaled(SandboxLimits.outputRange, 10)) { limits.outputBytes = n << 10 }
            default: break  // FixtureSchema reported it
            }
        }
        return limits
    }

    /// `params:`, a mapping of names to scalar values. The values reach the runbook through a
    /// file of NAME=VALUE lines, which cannot hold a line break.
    private static func params(_ node: YAMLNode, reader: inout YAMLReader) -> [(name: String, value: String)] {
        guard let pairs = node.mapping else {
            reader.fail(node, "'params' maps each parameter name to its value")
            return []
        }
        var params: [(name: String, value: String)] = []
        for pair in pairs {
            guard let name = pair.key.string else { continue }
            guard name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
                reader.fail(pair.key, "'\(name)' is not a parameter name (letters, digits and _)")
                continue
            }
            if pair.value.isNull {
                params.append((name, ""))
                continue
            }
            guard let value = reader.string(pair.value, name) else { continue }
            if value.contains(where: { $0 == "\n" || $0 == "\r" }) {
                reader.fail(pair.value, "the value of \(name) must be one line")
                continue
            }
            params.append((name, value))
        }
        return params
    }

    private static func routes(_ node: YAMLNode, folder: URL, reader: inout YAMLReader) -> [FixtureRoute] {
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
            if let file = item["body"] {
                body = FixturePaths.fixtureFile(file, "body", folder: folder, reader: &reader)
            }
            let status = item["status"].map { reader.integer($0, "status", in: 100...599) ?? 200 } ?? 200
            routes.append(FixtureRoute(
                method: item["method"]?.string?.uppercased() ?? "GET", scheme: scheme, host: host.lowercased(),
                path: parsed.percentEncodedPath.isEmpty ? "/" : parsed.percentEncodedPath, query: parsed.percentEncodedQuery,
                status: status, headers: headers, bodyFile: body))
        }
        return routes
    }

    private static func declarativeStubs(_ node: YAMLNode, reader: inout YAMLReader) -> [Stub] {
        guard let pairs = node.mapping else {
            reader.fail(node, "'stubs' maps a command name to a list of answers {args|match, stdout, stderr, status, creates}")
            return []
        }
        var stubs: [Stub] = []
        for pair in pairs {
            guard let name = pair.key.string else { continue }
            var rules: [StubRule] = []
            guard let items = pair.value.sequence else {
                reader.fail(pair.value, "the stub '\(name)' is a list of answers {args|match, stdout, stderr, status, creates}")
                continue
            }
            for item in items {
                // A rule that is not a mapping would answer every call: an error, not a rule.
                guard item.mapping != nil else {
                    reader.fail(item, "an answer of the stub '\(name)' is a mapping {args|match, stdout, stderr, status, creates}")
                    continue
                }
                var creates: [String: String] = [:]
                for file in item["creates"]?.mapping ?? [] {
                    if let path = FixturePaths.sandboxPath(file.key, "creates", reader: &reader) { creates[path] = file.value.string ?? "" }
                }
                let statusNode = item["status"] ?? item["exit"]
                let status = statusNode.map { reader.integer($0, item["status"] != nil ? "status" : "exit", in: 0...255) ?? 0 } ?? 0
                rules.append(StubRule(
                    exact: item["args"]?.string, pattern: item["match"]?.string, stdout: item["stdout"]?.string ?? "",
                    stderr: item["stderr"]?.string ?? "", status: status, creates: creates))
            }
            stubs.append(Stub(name: name, behaviour: .rules(rules)))
        }
        return stubs
    }

    private static func expectations(_ node: YAMLNode, folder: URL, reader: inout YAMLReader) -> Expectations {
        var expect = Expectations()
        guard node.mapping != nil || node.isNull else {
            reader.fail(node, "'expect' maps steps, files, calls, requests or output to what the run must show")
            return expect
        }
        // A value of the wrong shape is an error at it, never a check quietly dropped.
        func shaped(_ v: YAMLNode, _ key: String, mapping: Bool) -> Bool {
            if mapping ? v.mapping != nil : v.sequence != nil { return true }
            reader.fail(v, "'expect.\(key)' must be a \(mapping ? "mapping" : "list")")
            return false
        }
        for pair in node.mapping ?? [] {
            guard let key = pair.key.string else { continue }
            let v = pair.value
            switch key {
            case "steps":
                guard shaped(v, key, mapping: true) else { continue }
                for step in v.mapping ?? [] {
                    guard let name = step.key.string, let text = step.value.string else {
                        reader.fail(step.value, "a step outcome is ok, failed, 'failed N' or skipped")
                        continue
                    }
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
                guard shaped(v, key, mapping: true) else { continue }
                for file in v.mapping ?? [] {
                    guard let path = FixturePaths.checkedFile(file.key, reader: &reader) else { continue }
                    guard file.value.mapping != nil else {
                        reader.fail(file.value, "the checks of \(path) are a mapping (contains, matches, mode, same_as, …)")
                        continue
                    }
                    var check = Expectations.FileCheck(path: path, location: reader.location(file.key))
                    let f = file.value
                    if let exists = f["exists"]?.bool { check.exists = exists }
                    if let absent = f["absent"]?.bool { check.exists = !absent }
                    check.mode = f["mode"]?.string
                    check.contains = f["contains"].flatMap { reader.stringList($0, "contains") } ?? []
                    check.notContains = f["not_contains"].flatMap { reader.stringList($0, "not_contains") } ?? []
                    check.matches = f["matches"].flatMap { reader.stringList($0, "matches") } ?? []
                    check.notMatches = f["not_matches"].flatMap { reader.stringList($0, "not_matches") } ?? []
                    if let sameAs = f["same_as"], FixturePaths.fixtureFile(sameAs, "same_as", folder: folder, reader: &reader) != nil {
                        check.sameAs = sameAs.string
                    }
                    check.yamlSubset = f["yaml_subset"]?.string
                    check.jsonSubset = f["json_subset"]?.string
                    for pattern in check.matches + check.notMatches where (try? NSRegularExpression(pattern: pattern)) == nil {
                        reader.fail(f, "'\(pattern)' is not a valid regular expression")
                    }
                    expect.files.append(check)
                }
            case "calls":
                guard shaped(v, key, mapping: false) else { continue }
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
                guard shaped(v, key, mapping: false) else { continue }
                for item in v.sequence ?? [] {
                    guard let request = item.string, request.split(separator: " ").count == 2 else {
                        reader.fail(item, "a request is 'METHOD URL', as GET https://host/path")
                        continue
                    }
                    expect.requests.append((request, reader.location(item)))
                }
            case "output":
                guard shaped(v, key, mapping: true) else { continue }
                expect.outputContains = v["contains"].flatMap { reader.stringList($0, "output.contains") } ?? []
                expect.outputNotContains = v["not_contains"].flatMap { reader.stringList($0, "output.not_contains") } ?? []
            default: break  // FixtureSchema reported it
            }
        }
        return expect
    }
}
