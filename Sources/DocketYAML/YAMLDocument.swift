import DocketDiagnostics

/// A parsed YAML text and where it sits in its file: the one place a node's position becomes a
/// file position. Front matter starts on the file's second line (`lineOffset` 1); `docket.yml`,
/// `_category_` files and fixtures start on the first (`lineOffset` 0).
public struct YAMLDocument: Sendable {
    /// How diagnostics name the file.
    public let path: String
    /// Lines of the file before the YAML text.
    public let lineOffset: Int
    /// The first document of the text; nil when the text holds none.
    public let root: YAMLNode?

    /// Parses `text`. A syntax error, a duplicate key or a limit of `YAMLParser` is thrown at its
    /// file position, with `problem` before libyaml's words ("invalid front matter: …").
    public init(_ text: String, path: String, lineOffset: Int = 0, problem: String = "invalid YAML")
        throws(YAMLDecodingError)
    {
        self.path = path
        self.lineOffset = lineOffset
        do {
            root = try YAMLParser.parse(text)
        } catch {
            throw YAMLDecodingError(
                at: SourceLocation(path: path, line: error.line + lineOffset, column: error.column),
                "\(problem): \(error.message(lineOffset: lineOffset))")
        }
    }

    /// A document over a tree parsed elsewhere (the `runbook:` block of a page's front matter).
    public init(root: YAMLNode?, path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
        self.root = root
    }

    /// Where `node` is in the file.
    public func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.line + lineOffset, column: node.column)
    }

    /// The root when it is a mapping; nil for an empty document. A root of another shape is
    /// thrown at the root with `message(kind)` (`kind` is "a list", "a string", …).
    public func mapping(or message: (_ kind: String) -> String) throws(YAMLDecodingError) -> YAMLNode? {
        guard let root else { return nil }
        guard root.mapping != nil else {
            throw YAMLDecodingError(at: location(of: root), message(root.kindDescription))
        }
        return root
    }
}
