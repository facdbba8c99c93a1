import DocketDiagnostics
import DocketSandbox
import DocketSite
import DocketYAML

/// Every key `fixture.yml` may hold, with its type, range and meaning: the description the
/// loader's `FixtureFields` structs follow (a test keeps them equal; an unknown key anywhere is a
/// located error with a "did you mean") and the reference table of content/reference/checks.md is generated from
/// (`docket check --print-fixture-schema`; a test keeps the page equal to it).
public struct FixtureSchema: Sendable {
    /// One key and what may appear under it.
    public struct Key: Sendable {
        public var name: String
        /// The type as the reference shows it (`integer 1–86400`, `list of strings`).
        public var type: String
        public var doc: String
        /// Keys a mapping value may hold (nil: the value is not a mapping of fixed keys).
        public var keys: [Key]?
        /// Keys the mapping items of a list value may hold.
        public var itemKeys: [Key]?
        /// Keys the values of a mapping with names of the user's choosing may hold.
        public var entryKeys: [Key]?
        /// Shown as `<path>` in the table, when the user names the key.
        public var entryLabel = "<name>"

        init(
            _ name: String, _ type: String, _ doc: String, keys: [Key]? = nil, itemKeys: [Key]? = nil,
            entryKeys: [Key]? = nil, entryLabel: String = "<name>"
        ) {
            self.name = name
            self.type = type
            self.doc = doc
            self.keys = keys
            self.itemKeys = itemKeys
            self.entryKeys = entryKeys
            self.entryLabel = entryLabel
        }
    }

    public var keys: [Key]

    /// The format of `fixture.yml`.
    public static let fixture: FixtureSchema = {
        func mib(_ range: ClosedRange<Int>, _ shift: Int) -> String {
            "\(range.lowerBound >> shift)–\(range.upperBound >> shift)"
        }
        let timeouts = "\(Fixture.timeoutRange.lowerBound)–\(Fixture.timeoutRange.upperBound)"
        let fileKeys: [Key] = [
            Key("exists", "boolean", "the file exists (default `true`)"),
            Key("absent", "boolean", "`absent: true` is `exists: false`"),
            Key("mode", "string", "the file's permission bits in octal, as `\"600\"`"),
            Key("contains", "list of strings", "exact lines the file must hold"),
            Key("not_contains", "list of strings", "text the file must not hold anywhere"),
            Key("matches", "list of regular expressions", "each must match some line"),
            Key("not_matches", "list of regular expressions", "none may match a line"),
            Key("same_as", "fixture path", "a file of the fixture folder the result must equal"),
            Key(
                "yaml_subset", "string",
                "a YAML document the file must contain (mappings by key, lists by any matching item)"),
            Key("json_subset", "string", "a JSON document the file must contain, compared as `yaml_subset`"),
        ]
        let ruleKeys: [Key] = [
            Key("args", "string", "answers a call whose arguments, joined by single spaces, are exactly this"),
            Key(
                "match", "regular expression",
                "answers a call whose arguments match (a rule with neither answers every call)"),
            Key("stdout", "string", "printed on standard output"),
            Key("stderr", "string", "printed on standard error"),
            Key("status", "integer 0–255", "the exit status (default 0)"),
            Key("exit", "integer 0–255", "the same as `status`"),
            Key(
                "creates", "mapping of sandbox paths to text",
                "files written when the rule answers (`~/` is the sandbox home)"),
        ]
        return FixtureSchema(keys: [
            Key(
                "params", "mapping of names to one-line strings",
                "a value for every parameter of the runbook, also those manual steps produce"),
            Key("cwd", "sandbox path", "where the script starts (default `~`)"),
            Key("timeout", "integer \(timeouts)", "seconds the whole run may take (default 300)"),
            Key(
                "step_timeout", "integer \(timeouts)", "seconds for each step without its own `timeout=` (default 120)"),
            Key(
                "limits", "mapping", "what the run may use; each limit keeps its default unless set",
                keys: [
                    Key(
                        "processes",
                        "integer \(SandboxLimits.processRange.lowerBound)–\(SandboxLimits.processRange.upperBound)",
                        "processes and threads at once"),
                    Key("disk_mib", "integer \(mib(SandboxLimits.diskRange, 20))", "MiB of the sandbox's tmpfs"),
                    Key("memory_mib", "integer \(mib(SandboxLimits.memoryRange, 20))", "MiB of memory"),
                    Key(
                        "output_kib", "integer \(mib(SandboxLimits.outputRange, 10))",
                        "KiB of output and of each control file read back"),
                ]),
            Key(
                "http", "list of routes", "answers of the fixture HTTP(S) server; their hosts resolve to it",
                itemKeys: [
                    Key("url", "URL", "`https://host/path` (a query, when given, must match too)"),
                    Key("method", "string", "default `GET`"),
                    Key("status", "integer 100–599", "default 200"),
                    Key("headers", "mapping of strings", "response headers"),
                    Key("body", "fixture path", "a file of the fixture folder sent as the body"),
                ]),
            Key("hosts", "list of strings", "more host names that resolve to the fixture server"),
            Key(
                "unrouted", "`error` or `allow`",
                "a request no route answers fails the check (`error`, the default) or is only listed (`allow`)"),
            Key(
                "idempotent", "boolean",
                "`docket check` runs the runbook a second time on what the first run left and expects it to succeed and change no file (default `true`); `false` needs `idempotent_reason`"
            ),
            Key(
                "idempotent_reason", "string",
                "why running the runbook twice is not safe (required with `idempotent: false`)"),
            Key(
                "changes", "list of sandbox paths",
                "files expected to change when the runbook runs again (a folder ending in `/`, or a glob); the run log and journal always may"
            ),
            Key(
                "stubs", "mapping of command names to lists of rules", "declared stubs; the rules are tried in order",
                entryKeys: ruleKeys, entryLabel: "<command>[]"),
            Key(
                "expect", "mapping", "what the run must show",
                keys: [
                    Key(
                        "steps", "mapping of step names to outcomes",
                        "`ok`, `failed`, `failed N` or `skipped`; `\"*\"` is the default for steps not listed"),
                    Key(
                        "files", "mapping of sandbox paths to checks", "checks of files after the run",
                        entryKeys: fileKeys, entryLabel: "<path>"),
                    Key(
                        "calls", "list",
                        "stub calls that must happen in this order: a command line, or `{match: REGEX}`",
                        itemKeys: [
                            Key("match", "regular expression", "a call matching it")
                        ]),
                    Key("requests", "list of strings", "requests that must reach the fixture server, as `METHOD URL`"),
                    Key(
                        "output", "mapping", "the whole run's output",
                        keys: [
                            Key("contains", "list of strings", "text the output must hold"),
                            Key("not_contains", "list of strings", "text the output must not hold"),
                        ]),
                ]),
        ])
    }()

    /// The error for a key of `fixture.yml` that its `FixtureFields` struct does not ask for,
    /// at the key, with the closest known name and every known one (in the schema's order, which
    /// is the structs' order).
    static func unknownKey(_ key: YAMLUnknownKey) -> Diagnostic {
        let place = key.parent.isEmpty ? "fixture key" : "key under \(key.parent)"
        return Diagnostic(
            .error, at: key.location,
            "unknown \(place) '\(key.key)'\(Suggestion.hint(for: key.key, in: key.known)) (known: \(key.known.joined(separator: ", ")))",
            code: "fixture.unknown-key")
    }

    /// The reference table: one row per key, nested keys by their dotted path.
    public var markdownTable: String {
        var rows = ["| key | type | meaning |", "|---|---|---|"]
        func add(_ keys: [Key], prefix: String) {
            for key in keys {
                let path = prefix + key.name
                rows.append("| `\(path)` | \(key.type) | \(key.doc) |")
                if let sub = key.keys { add(sub, prefix: path + ".") }
                if let items = key.itemKeys { add(items, prefix: path + "[].") }
                if let entries = key.entryKeys {
                    add(entries, prefix: path + "." + key.entryLabel + ".")
                }
            }
        }
        add(keys, prefix: "")
        return rows.joined(separator: "\n") + "\n"
    }
}
