import DocketYAML

/// The mappings of fixed keys in `fixture.yml`, as the YAML decoder reads them: one struct per
/// mapping, its properties in the order `FixtureSchema` lists the keys (a test keeps the two the
/// same, so the reference table and the loader cannot drift). The decoder reports every key a
/// struct does not ask for; values with messages of their own stay nodes, read by the loader.
enum FixtureFields {
    /// The top level.
    struct Top: Decodable {
        var params: YAMLNode?
        var cwd: YAMLNode?
        var timeout: YAMLNode?
        var stepTimeout: YAMLNode?
        var limits: YAMLNode?
        var http: YAMLNode?
        var hosts: StringList?
        var unrouted: Located<String>?
        var idempotent: Bool?
        var idempotentReason: String?
        var changes: StringList?
        var stubs: YAMLNode?
        var expect: YAMLNode?

        enum CodingKeys: String, CodingKey {
            case params, cwd, timeout
            case stepTimeout = "step_timeout"
            case limits, http, hosts, unrouted, idempotent
            case idempotentReason = "idempotent_reason"
            case changes, stubs, expect
        }
    }

    /// `limits:`; each a whole number in the sandbox's range for it.
    struct Limits: Decodable {
        var processes: YAMLNode?
        var diskMiB: YAMLNode?
        var memoryMiB: YAMLNode?
        var outputKiB: YAMLNode?

        enum CodingKeys: String, CodingKey {
            case processes
            case diskMiB = "disk_mib"
            case memoryMiB = "memory_mib"
            case outputKiB = "output_kib"
        }
    }

    /// An item of `http:`.
    struct Route: Decodable {
        var url: YAMLNode?
        var method: String?
        var status: YAMLNode?
        var headers: YAMLNode?
        var body: YAMLNode?
    }

    /// An answer of a declared stub (`stubs.NAME[]`).
    struct Rule: Decodable {
        var args: String?
        var match: String?
        var stdout: String?
        var stderr: String?
        var status: YAMLNode?
        var exit: YAMLNode?
        var creates: YAMLNode?
    }

    /// `expect:`; each value's shape is checked by the loader.
    struct Expect: Decodable {
        var steps: YAMLNode?
        var files: YAMLNode?
        var calls: YAMLNode?
        var requests: YAMLNode?
        var output: YAMLNode?
    }

    /// The checks of one file under `expect.files`.
    struct FileCheck: Decodable {
        var exists: Bool?
        var absent: Bool?
        var mode: String?
        var contains: YAMLNode?
        var notContains: YAMLNode?
        var matches: YAMLNode?
        var notMatches: YAMLNode?
        var sameAs: YAMLNode?
        var yamlSubset: String?
        var jsonSubset: String?

        enum CodingKeys: String, CodingKey {
            case exists, absent, mode, contains
            case notContains = "not_contains"
            case matches
            case notMatches = "not_matches"
            case sameAs = "same_as"
            case yamlSubset = "yaml_subset"
            case jsonSubset = "json_subset"
        }
    }

    /// An item of `expect.calls` written as a mapping.
    struct Call: Decodable {
        var match: YAMLNode?
    }

    /// `expect.output`.
    struct Output: Decodable {
        var contains: YAMLNode?
        var notContains: YAMLNode?

        enum CodingKeys: String, CodingKey {
            case contains
            case notContains = "not_contains"
        }
    }
}
