/// A position in a source file: a path (as the user should see it) and a 1-based line and column.
///
/// Columns count bytes of UTF-8 from 1, as compilers do; a column of 0 means "the whole line".
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the form editors and CI annotations understand; just `path` for a
    /// problem of a whole file or folder (line 0).
    public var description: String { line > 0 ? "\(path):\(line):\(max(column, 1))" : path }
}
