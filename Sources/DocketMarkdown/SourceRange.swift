/// Where a node came from: 1-based lines and byte columns of the file (front matter included).
/// Stored as 32-bit numbers: every node of every page carries one, and a page never has 2^31
/// lines or a line of 2 GB (the markup budget stops far earlier).
public struct SourceRange: Hashable, Sendable {
    private var storedStartLine: Int32
    private var storedStartColumn: Int32
    private var storedEndLine: Int32
    private var storedEndColumn: Int32

    public var startLine: Int {
        get { Int(storedStartLine) }
        set { storedStartLine = Int32(clamping: newValue) }
    }
    public var startColumn: Int {
        get { Int(storedStartColumn) }
        set { storedStartColumn = Int32(clamping: newValue) }
    }
    public var endLine: Int {
        get { Int(storedEndLine) }
        set { storedEndLine = Int32(clamping: newValue) }
    }
    public var endColumn: Int {
        get { Int(storedEndColumn) }
        set { storedEndColumn = Int32(clamping: newValue) }
    }

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        storedStartLine = Int32(clamping: startLine)
        storedStartColumn = Int32(clamping: startColumn)
        storedEndLine = Int32(clamping: endLine)
        storedEndColumn = Int32(clamping: endColumn)
    }

    /// A range for nodes cmark gives no position (some inlines): line 0 means unknown.
    public static let unknown = SourceRange(startLine: 0, startColumn: 0, endLine: 0, endColumn: 0)

    public var isKnown: Bool { startLine > 0 }
}
