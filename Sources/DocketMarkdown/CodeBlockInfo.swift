/// The info string of a fenced code block, split the way Docusaurus reads it:
/// ```` ```js title="a.js" {1,3-4} showLineNumbers=10 step=deploy ````.
///
/// Attributes the renderer does not use (`step=`, `file=`, `norun=`, …) are kept in `attributes`
/// for the runbook extractor. Runme's JSON form (`{"name": "x"}`) is accepted too.
///
/// The fields live in one shared heap box: a `MarkdownNode.Kind` is as wide as its widest case,
/// and these ~100 bytes inline made every node of every page that wide (at 10,000 pages, about
/// 200 MiB of a build's peak memory). A change copies the fields into a new box; info strings
/// change only while a page is parsed.
public struct CodeBlockInfo: Sendable, Equatable {
    private var fields: SharedBox<CodeBlockFields>

    public init(_ info: String) {
        fields = SharedBox(CodeBlockFields(info))
    }

    /// The largest `showLineNumbers` start accepted (either sign), so a line number plus the
    /// block's line count never overflows.
    public static let maxLineNumber = CodeBlockFields.maxLineNumber
    /// The longest info string read, in bytes; a longer one is an error and only its start is
    /// read (every attribute docket knows fits in a few hundred bytes).
    public static let maxInfoLength = CodeBlockFields.maxInfoLength

    /// The info string as written (for positions of attributes within it).
    public var text: String {
        get { fields.value.text }
        set { change { $0.text = newValue } }
    }
    /// The language, lowercased (`PHP` → `php`); empty when none is given.
    public var language: String {
        get { fields.value.language }
        set { change { $0.language = newValue } }
    }
    public var title: String? {
        get { fields.value.title }
        set { change { $0.title = newValue } }
    }
    /// 1-based line ranges highlighted with `{1,3-5}`, as written: `{1-3000000000}` stays one
    /// range, and only `highlightedLines(upTo:)` turns ranges into lines, capped by the block.
    public var highlightRanges: [ClosedRange<Int>] {
        get { fields.value.highlightRanges }
        set { change { $0.highlightRanges = newValue } }
    }
    /// True when the meta string gave a highlight range (it then wins over magic comments).
    public var hasHighlightRange: Bool {
        get { fields.value.hasHighlightRange }
        set { change { $0.hasHighlightRange = newValue } }
    }
    /// The first line number when line numbers are shown.
    public var lineNumbersStart: Int? {
        get { fields.value.lineNumbersStart }
        set { change { $0.lineNumbersStart = newValue } }
    }
    /// What is wrong with the info string (a `showLineNumbers` start out of range), for a
    /// located error; the values above are then the defaults.
    public var problems: [String] {
        get { fields.value.problems }
        set { change { $0.problems = newValue } }
    }
    /// Every `key=value` or bare `flag` attribute, in the order written (flags have empty values).
    public var attributes: [(key: String, value: String)] {
        get { fields.value.attributes }
        set { change { $0.attributes = newValue } }
    }

    public static func == (lhs: CodeBlockInfo, rhs: CodeBlockInfo) -> Bool {
        if lhs.fields === rhs.fields { return true }
        let l = lhs.fields.value
        let r = rhs.fields.value
        return l.language == r.language && l.title == r.title && l.highlightRanges == r.highlightRanges
            && l.lineNumbersStart == r.lineNumbersStart
            && l.attributes.map(\.key) == r.attributes.map(\.key)
            && l.attributes.map(\.value) == r.attributes.map(\.value)
    }

    /// The value of an attribute (empty for a bare flag), or nil when absent.
    public func attribute(_ key: String) -> String? {
        fields.value.attributes.last { $0.key == key }?.value
    }

    /// The highlighted lines among lines `1...lineCount`: linear in the ranges plus the lines,
    /// whatever the ranges say.
    public func highlightedLines(upTo lineCount: Int) -> Set<Int> {
        fields.value.highlightedLines(upTo: lineCount)
    }

    /// `1,3-5` → [1...1, 3...5]. Parts that are not numbers or ranges are ignored, as
    /// Docusaurus does; no range is expanded here.
    static func lineRanges(_ text: String) -> [ClosedRange<Int>] {
        CodeBlockFields.lineRanges(text)
    }

    private mutating func change(_ edit: (inout CodeBlockFields) -> Void) {
        var copy = fields.value
        edit(&copy)
        fields = SharedBox(copy)
    }
}
