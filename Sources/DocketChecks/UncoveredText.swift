import DocketDiagnostics

/// A place on a runbook's page whose instructions no run can check: a manual step, a reboot
/// step (recorded, not run, under `docket check`), a `norun` block, or a command written in the
/// prose. `--mutate` counts the mutants it would have made
/// there as "not checkable" and lists the place, so maintainers see what nothing verifies.
public struct UncoveredText: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case manualStep = "manual step"
        /// `docket check` records a step that restarts the machine without running it.
        case rebootStep = "reboot step"
        case norunBlock = "norun block"
        case prose = "command in prose"
    }

    /// The first line of the place on the page.
    public var location: SourceLocation
    /// The last page line it covers (the same as `location.line` for one line).
    public var endLine: Int
    public var kind: Kind
    /// The step's name, the block's `norun` reason, or nothing for prose.
    public var label: String?
    /// Its first line as findings show it (trimmed, at most 100 characters).
    public var text: String
    /// How many mutants the operators would make of it.
    public var mutants: Int

    public init(location: SourceLocation, endLine: Int, kind: Kind, label: String?, text: String, mutants: Int) {
        self.location = location
        self.endLine = endLine
        self.kind = kind
        self.label = label
        self.text = text
        self.mutants = mutants
    }

    /// `content/guides/x.md:140-141: norun block (shows a secret): grep '^KEY=' .env (3 mutants)`.
    public var line: String {
        let lines =
            endLine > location.line
            ? "\(location.path):\(location.line)-\(endLine)" : "\(location.path):\(location.line)"
        let what =
            kind.rawValue + (label.map { kind == .manualStep || kind == .rebootStep ? " \($0)" : " (\($0))" } ?? "")
        return "\(lines): \(what): \(text) (\("mutant".counted(mutants)))"
    }
}
