import DocketDiagnostics
import DocketTestSupport
import DocketYAML
import Foundation
import Testing

@testable import DocketChecks

/// `FixtureSchema` (the reference table) and `FixtureFields` (what the loader decodes) describe
/// the same keys in the same order, and a typo in any nested mapping of `fixture.yml` is a
/// located `fixture.unknown-key` error naming the mapping.
@Suite struct FixtureFieldsTests {
    /// The keys a struct asks for, in order: decoded from a mapping holding only a key no struct
    /// knows, whose `known` list is everything the struct read.
    private func keys<T: Decodable>(of type: T.Type) throws -> [String] {
        let document = try YAMLDocument("zz-not-a-key: 1\n", path: "t.yml")
        let decoded = YAMLDecoder(document).decode(type, from: try #require(document.root))
        return try #require(decoded.unknownKeys.first).known
    }

    /// Each mapping of fixed keys in the schema, by its path in the reference table, with its keys.
    private func schemaMappings() -> [String: [String]] {
        var found: [String: [String]] = ["": FixtureSchema.fixture.keys.map(\.name)]
        func walk(_ keys: [FixtureSchema.Key], prefix: String) {
            for key in keys {
                let path = prefix + key.name
                if let sub = key.keys {
                    found[path] = sub.map(\.name)
                    walk(sub, prefix: path + ".")
                }
                if let items = key.itemKeys { found[path + "[]"] = items.map(\.name) }
                if let entries = key.entryKeys { found[path + "." + key.entryLabel] = entries.map(\.name) }
            }
        }
        walk(FixtureSchema.fixture.keys, prefix: "")
        return found
    }

    @Test func theSchemaAndTheDecodedStructsAgree() throws {
        let structs: [String: [String]] = [
            "": try keys(of: FixtureFields.Top.self),
            "limits": try keys(of: FixtureFields.Limits.self),
            "http[]": try keys(of: FixtureFields.Route.self),
            "stubs.<command>[]": try keys(of: FixtureFields.Rule.self),
            "expect": try keys(of: FixtureFields.Expect.self),
            "expect.files.<path>": try keys(of: FixtureFields.FileCheck.self),
            "expect.calls[]": try keys(of: FixtureFields.Call.self),
            "expect.output": try keys(of: FixtureFields.Output.self),
        ]
        let schema = schemaMappings()
        #expect(Set(structs.keys) == Set(schema.keys), "a mapping of the schema has no struct, or the reverse")
        for (path, names) in schema {
            #expect(
                structs[path] == names, "\(path): the schema lists \(names), FixtureFields reads \(structs[path] ?? [])"
            )
        }
    }

    private func load(_ text: String) throws -> [String] {
        let base = Fixtures.temporaryDirectory("docket-fixture-fields")
        defer { try? FileManager.default.removeItem(at: base) }
        try Fixtures.write(["f/fixture.yml": text], under: base)
        let (_, diagnostics) = FixtureLoader.load(folder: base.appendingPathComponent("f"), displayFolder: "fx")
        return diagnostics.all.map { "\($0.location) \($0.code ?? "-") \($0.message)" }
    }

    @Test func typosInNestedMappingsAreLocated() throws {
        let found = try load(
            """
            expect:
              files:
                ~/a.env: { contains: [x], not_contain: [y] }
              calls:
                - { mach: "^x" }
              output: { contain: done }
              step: { a: ok }
            """)
        for expected in [
            "fx/fixture.yml:3:31 fixture.unknown-key unknown key under expect.files.~/a.env 'not_contain' (did you mean 'not_contains'?) (known: exists, absent, mode, contains, not_contains, matches, not_matches, same_as, yaml_subset, json_subset)",
            "fx/fixture.yml:5:9 fixture.unknown-key unknown key under expect.calls[] 'mach' (did you mean 'match'?) (known: match)",
            "fx/fixture.yml:6:13 fixture.unknown-key unknown key under expect.output 'contain' (did you mean 'contains'?) (known: contains, not_contains)",
            "fx/fixture.yml:7:3 fixture.unknown-key unknown key under expect 'step' (did you mean 'steps'?) (known: steps, files, calls, requests, output)",
        ] {
            #expect(found.contains(expected), "missing \(expected)\ngot:\n\(found.joined(separator: "\n"))")
        }
    }

    @Test func aValidFixtureHasNoProblems() throws {
        let found = try load(
            """
            params: { HOST: a.example }
            cwd: ~/work
            timeout: 60
            step_timeout: 30
            limits: { processes: 64, disk_mib: 64, memory_mib: 256, output_kib: 512 }
            http:
              - { url: "https://a.example/x", method: post, status: 201, headers: { X-A: b } }
            hosts: [b.example]
            unrouted: allow
            idempotent: false
            idempotent_reason: it appends
            changes: [~/log/]
            stubs:
              systemctl:
                - { args: is-active x, stdout: active, status: 0 }
                - { match: "^restart", exit: 1, creates: { ~/restarted: yes } }
            expect:
              steps: { "*": ok, b: "failed 1" }
              files:
                ~/a.env: { exists: true, mode: "600", contains: [A=1], not_contains: B, matches: ["^A"], not_matches: [z], yaml_subset: "a: 1" }
              calls: [systemctl is-active x, { match: "^restart" }]
              requests: [POST https://a.example/x]
              output: { contains: [done], not_contains: [error] }
            """)
        #expect(found.isEmpty, "\(found)")
    }
}
