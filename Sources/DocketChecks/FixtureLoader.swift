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
        for (url, shown) in [
            (folder, displayFolder),
            (folder.deletingLastPathComponent(), (displayFolder as NSString).deletingLastPathComponent),
        ]
        where (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
            diagnostics.error(
                at: SourceLocation(path: shown, line: 0, column: 0),
                "\(shown) is a symbolic link; a fixture must be a folder of the repository")
            return (nil, diagnostics)
        }
        let text: String
        do {
            text = try SandboxFile.read("fixture.yml", beneath: folder, limit: 1 << 20).text
        } catch {
            diagnostics.error(
                at: SourceLocation(path: display, line: 0, column: 0),
                "cannot read the fixture: fixture.yml " + FixturePaths.problem(error, within: "its folder"))
            return (nil, diagnostics)
        }
        let document: YAMLDocument
        let root: YAMLNode
        do {
            document = try YAMLDocument(text, path: display)
            guard
                let mapping = try document.mapping(or: { _ in "a fixture must be a mapping (params, http, expect, …)" })
            else {
                diagnostics.error(
                    at: SourceLocation(path: display, line: 1, column: 1),
                    "a fixture must be a mapping (params, http, expect, …)")
                return (nil, diagnostics)
            }
            root = mapping
        } catch {
            diagnostics.error(at: error.location, error.message)
            return (nil, diagnostics)
        }
        var reader = YAMLReader(document)
        var fixture = Fixture(
            folder: folder.path, displayPath: display, params: [], directory: "~", timeoutSeconds: 300,
            stepTimeoutSeconds: 120,
            routes: [], stubs: [], expectations: Expectations(),
            location: SourceLocation(path: display, line: 1, column: 1))
        // Unknown keys, at any depth, are errors at the key (with the closest known name).
        if let f = fields(FixtureFields.Top.self, root, "", &reader) {
            if let v = f.params {
                fixture.params = params(v, reader: &reader)
                fixture.paramsLocation = root.mapping?.first { $0.key.string == "params" }.map {
                    reader.location($0.key)
                }
            }
            if let v = f.cwd { fixture.directory = FixturePaths.sandboxPath(v, "cwd", reader: &reader) ?? "~" }
            if let v = f.timeout {
                fixture.timeoutSeconds = reader.integer(v, "timeout", in: Fixture.timeoutRange) ?? 300
            }
            if let v = f.stepTimeout {
                fixture.stepTimeoutSeconds = reader.integer(v, "step_timeout", in: Fixture.timeoutRange) ?? 120
            }
            if let v = f.http { fixture.routes = routes(v, folder: folder, reader: &reader) }
            if let hosts = f.hosts { fixture.hosts = hosts.items }
            if let v = f.stubs { fixture.stubs += declarativeStubs(v, reader: &reader) }
            if let v = f.limits { fixture.limits = limits(v, reader: &reader) }
            if let v = f.expect { fixture.expectations = expectations(v, folder: folder, reader: &reader) }
            if let idempotent = f.idempotent { fixture.idempotent = idempotent }
            fixture.idempotentReason = f.idempotentReason
            if let changes = f.changes { fixture.changes = changes.items }
            switch f.unrouted?.value {
            case "allow"?: fixture.unroutedAllowed = true
            case "error"?: fixture.unroutedAllowed = false
            case let other?:
                reader.fail(
                    f.unrouted!.node,
                    "'unrouted' is error (the default: a request no route answers fails the check) or allow, not '\(other)'"
                )
            case nil: break
            }
        }
        if !fixture.idempotent, (fixture.idempotentReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            reader.diagnostics.error(
                at: fixture.location,
                "`idempotent: false` needs `idempotent_reason:` saying why running the runbook twice is not safe")
        }
        let declared = Set(fixture.stubs.map(\.name))
        for (name, path) in FixturePaths.stubFiles(
            folder: folder, displayFolder: displayFolder, diagnostics: &reader.diagnostics)
        {
            if declared.contains(name) {
                reader.diagnostics.error(
                    at: fixture.location, "stub '\(name)' is both a file in stubs/ and declared under stubs:")
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
        guard node.mapping != nil else {
            reader.fail(node, "'limits' maps processes, disk_mib, memory_mib or output_kib to a whole number")
            return limits
        }
        guard let f = fields(FixtureFields.Limits.self, node, "limits", &reader) else { return limits }
        func scaled(_ range: ClosedRange<Int>, _ shift: Int) -> ClosedRange<Int> {
            (range.lowerBound >> shift)...(range.upperBound >> shift)
        }
        if let v = f.processes, let n = reader.integer(v, "processes", in: SandboxLimits.processRange) {
            limits.processes = n
        }
        if let v = f.diskMiB, let n = reader.integer(v, "disk_mib", in: scaled(SandboxLimits.diskRange, 20)) {
            limits.diskBytes = n << 20
        }
        if let v = f.memoryMiB, let n = reader.integer(v, "memory_mib", in: scaled(SandboxLimits.memoryRange, 20)) {
            limits.memoryBytes = n << 20
        }
        if let v = f.outputKiB, let n = reader.integer(v, "output_kib", in: scaled(SandboxLimits.outputRange, 10)) {
            limits.outputBytes = n << 10
        }
        return limits
    }

    /// Decodes `type` from `node`, named `path` in messages (`http[]`, `expect.files.~/a.env`);
    /// every key it does not ask for is an error at the key.
    private static func fields<T: Decodable>(
        _ type: T.Type, _ node: YAMLNode, _ path: String, _ reader: inout YAMLReader
    )
        -> T?
    {
        let (decoded, unknown) = reader.decode(type, from: node, at: path.isEmpty ? [] : [path])
        for key in unknown { reader.diagnostics.append(FixtureSchema.unknownKey(key)) }
        return decoded
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
            let f = item.mapping != nil ? fields(FixtureFields.Route.self, item, "http[]", &reader) : nil
            guard let url = f?.url?.string, let parsed = URLComponents(string: url), let scheme = parsed.scheme,
                let host = parsed.host
            else {
                reader.fail(item, "a route needs a full 'url' (https://host/path)")
                continue
            }
            var headers: [String: String] = [:]
            for header in f?.headers?.mapping ?? [] {
                if let name = header.key.string { headers[name] = header.value.string ?? "" }
            }
            var body: String?
            if let file = f?.body {
                body = FixturePaths.fixtureFile(file, "body", folder: folder, reader: &reader)
            }
            let status = f?.status.map { reader.integer($0, "status", in: 100...599) ?? 200 } ?? 200
            routes.append(
                FixtureRoute(
                    method: f?.method?.uppercased() ?? "GET", scheme: scheme, host: host.lowercased(),
                    path: parsed.percentEncodedPath.isEmpty ? "/" : parsed.percentEncodedPath,
                    query: parsed.percentEncodedQuery,
                    status: status, headers: headers, bodyFile: body))
        }
        return routes
    }

    private static func declarativeStubs(_ node: YAMLNode, reader: inout YAMLReader) -> [Stub] {
        guard let pairs = node.mapping else {
            reader.fail(
                node, "'stubs' maps a command name to a list of answers {args|match, stdout, stderr, status, creates}")
            return []
        }
        var stubs: [Stub] = []
        for pair in pairs {
            guard let name = pair.key.string else { continue }
            var rules: [StubRule] = []
            guard let items = pair.value.sequence else {
                reader.fail(
                    pair.value, "the stub '\(name)' is a list of answers {args|match, stdout, stderr, status, creates}")
                continue
            }
            for item in items {
                // A rule that is not a mapping would answer every call: an error, not a rule.
                guard item.mapping != nil else {
                    reader.fail(
                        item,
                        "an answer of the stub '\(name)' is a mapping {args|match, stdout, stderr, status, creates}")
                    continue
                }
                let f = fields(FixtureFields.Rule.self, item, "stubs.\(name)[]", &reader)
                var creates: [String: String] = [:]
                for file in f?.creates?.mapping ?? [] {
                    if let path = FixturePaths.sandboxPath(file.key, "creates", reader: &reader) {
                        creates[path] = file.value.string ?? ""
                    }
                }
                let statusNode = f?.status ?? f?.exit
                let status =
                    statusNode.map { reader.integer($0, f?.status != nil ? "status" : "exit", in: 0...255) ?? 0 } ?? 0
                rules.append(
                    StubRule(
                        exact: f?.args, pattern: f?.match, stdout: f?.stdout ?? "",
                        stderr: f?.stderr ?? "", status: status, creates: creates))
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
        guard node.mapping != nil, let e = fields(FixtureFields.Expect.self, node, "expect", &reader) else {
            return expect
        }
        if let v = e.steps, shaped(v, "steps", mapping: true) {
            for step in v.mapping ?? [] {
                guard let name = step.key.string, let text = step.value.string else {
                    reader.fail(step.value, "a step outcome is ok, failed, 'failed N' or skipped")
                    continue
                }
                let outcome: Expectations.StepOutcome
                switch text.split(separator: " ").first {
                case "ok", "passes": outcome = .ok
                case "skipped": outcome = .skipped
                case "failed", "fails":
                    outcome = .failed(text.split(separator: " ").dropFirst().last.flatMap { Int($0) })
                default:
                    reader.fail(step.value, "a step outcome is ok, failed, 'failed N' or skipped")
                    continue
                }
                if name == "*" {
                    expect.defaultStep = outcome
                } else {
                    expect.steps[name] = outcome
                    expect.stepLocations[name] = reader.location(step.key)
                }
            }
        }
        if let v = e.files, shaped(v, "files", mapping: true) {
            for file in v.mapping ?? [] {
                // Decoded before the path is vetted, so a bad path still has its keys checked.
                let f =
                    file.value.mapping != nil
                    ? fields(
                        FixtureFields.FileCheck.self, file.value, "expect.files.\(file.key.string ?? "?")", &reader)
                    : nil
                guard let path = FixturePaths.checkedFile(file.key, reader: &reader) else { continue }
                guard let f else {
                    reader.fail(file.value, "the checks of \(path) are a mapping (contains, matches, mode, same_as, …)")
                    continue
                }
                var check = Expectations.FileCheck(path: path, location: reader.location(file.key))
                if let exists = f.exists { check.exists = exists }
                if let absent = f.absent { check.exists = !absent }
                check.mode = f.mode
                check.contains = f.contains.flatMap { reader.stringList($0, "contains") } ?? []
                check.notContains = f.notContains.flatMap { reader.stringList($0, "not_contains") } ?? []
                check.matches = f.matches.flatMap { reader.stringList($0, "matches") } ?? []
                check.notMatches = f.notMatches.flatMap { reader.stringList($0, "not_matches") } ?? []
                if let sameAs = f.sameAs,
                    FixturePaths.fixtureFile(sameAs, "same_as", folder: folder, reader: &reader) != nil
                {
                    check.sameAs = sameAs.string
                }
                check.yamlSubset = f.yamlSubset
                check.jsonSubset = f.jsonSubset
                for pattern in check.matches + check.notMatches
                where (try? NSRegularExpression(pattern: pattern)) == nil {
                    reader.fail(file.value, "'\(pattern)' is not a valid regular expression")
                }
                expect.files.append(check)
            }
        }
        if let v = e.calls, shaped(v, "calls", mapping: false) {
            for item in v.sequence ?? [] {
                let call = item.mapping != nil ? fields(FixtureFields.Call.self, item, "expect.calls[]", &reader) : nil
                if let command = item.string {
                    expect.calls.append((command, false, reader.location(item)))
                } else if let pattern = call?.match?.string {
                    if (try? NSRegularExpression(pattern: pattern)) == nil {
                        reader.fail(item, "'\(pattern)' is not a valid regular expression")
                    }
                    expect.calls.append((pattern, true, reader.location(item)))
                } else {
                    reader.fail(item, "a call is a command line, or {match: REGEX}")
                }
            }
        }
        if let v = e.requests, shaped(v, "requests", mapping: false) {
            for item in v.sequence ?? [] {
                guard let request = item.string, request.split(separator: " ").count == 2 else {
                    reader.fail(item, "a request is 'METHOD URL', as GET https://host/path")
                    continue
                }
                expect.requests.append((request, reader.location(item)))
            }
        }
        if let v = e.output, shaped(v, "output", mapping: true),
            let o = fields(FixtureFields.Output.self, v, "expect.output", &reader)
        {
            expect.outputContains = o.contains.flatMap { reader.stringList($0, "output.contains") } ?? []
            expect.outputNotContains = o.notContains.flatMap { reader.stringList($0, "output.not_contains") } ?? []
        }
        return expect
    }
}
