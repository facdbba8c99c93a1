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
    /// The opening fence's line and the closing fence's line on the page of the block that
    /// holds the step's text: its own block, or the displayed block named by `from`. Line N of
    /// the body is page line `startLine + N`.
    public var startLine: Int
    public var endLine: Int
    /// The column of that block's opening fence, and its text as written on the page (before
    /// prompts are stripped or examples replaced): the step is a view of its block, so checks of
    /// the text (`RunbookLint`) locate their findings without finding the block again.
    public var startColumn: Int
    public var literal: String
    /// Changes whenever what the step does changes (the journal of `--resume` compares it).
    public var hash: String
    /// The `id` of the displayed block the step takes its text from (`from=ID`), if any.
    public var from: String?
    /// The line of the step's own opening fence (where `step=` is written); the same as
    /// `startLine` unless the text comes `from` another block.
    public var fenceLine: Int

    public init(
        name: String, title: String, kind: Kind, body: String, parts: [TemplatePart], file: String?, mode: FileMode?,
        format: String?, cwd: String?, timeoutSeconds: Int?, confirm: Bool, reboot: Bool, produces: [String],
        parameters: [String], startLine: Int, endLine: Int, hash: String, from: String? = nil, fenceLine: Int? = nil,
        startColumn: Int = 1, literal: String = ""
    ) {
        self.name = name
        self.title = title
        self.kind = kind
        self.body = body
        self.parts = parts
        self.file = file
        self.mode = mode
        self.format = format
        self.cwd = cwd
        self.timeoutSeconds = timeoutSeconds
        self.confirm = confirm
        self.reboot = reboot
        self.produces = produces
        self.parameters = parameters
        self.startLine = startLine
        self.endLine = endLine
        self.hash = hash
        self.from = from
        self.fenceLine = fenceLine ?? startLine
        self.startColumn = startColumn
        self.literal = literal
    }
}
