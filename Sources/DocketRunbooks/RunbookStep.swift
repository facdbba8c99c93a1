import DocketDiagnostics

/// One step: a tagged fenced block of the page.
public struct RunbookStep: Sendable {
    public enum Kind: String, Sendable {
        case shell, file, manual
    }

    public enum FileMode: String, Sendable, CaseIterable {
        case upsert, write, append, verify
    }

    public var name: String
    public var title: String
    public var kind: Kind
    /// For shell steps the commands with parameter references (`"${NAME}"`); for file and manual
    /// steps the block as written (examples are replaced by values when the step runs).
    public var body: String
    /// For file and manual steps: the block split at the examples, joined with the values when
    /// the step runs (empty for shell steps, whose body holds parameter references).
    public var parts: [TemplatePart]
    public var file: String?
    public var mode: FileMode?
    /// `env`, `yaml`, `json` or `text`, for file steps.
    public var format: String?
    public var cwd: String?
    public var timeoutSeconds: Int?
    public var confirm: Bool
    /// The step restarts the machine: the journal records it as done before it runs, so
    /// `--resume` after the restart continues with the next step.
    public var reboot: Bool
    public var produces: [String]
    /// Parameters the step uses, in declaration order.
    public var parameters: [String]
    /// The opening fence's line and the closing fence's line on the page.
    public var startLine: Int
    public var endLine: Int
    /// Changes whenever what the step does changes (the journal of `--resume` compares it).
    public var hash: String
}
