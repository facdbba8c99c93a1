/// Where a node came from: 1-based lines and byte columns of the file (front matter included).
public struct SourceRange: Hashable, Sendable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// A range for nodes cmark gives no position (some inlines): line 0 means unknown.
    public static let unknown = SourceRange(startLine: 0, startColumn: 0, endLine: 0, endColumn: 0)

    public var isKnown: Bool { startLine > 0 }
}
