/// A YAML problem at a position of the parsed text (1-based line and column, relative to that
/// text), with the place of the construct it belongs to when there is one.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A second place a message points at: where the broken construct starts, or the first of two
    /// duplicate keys. Kept apart from the text so a caller can shift its line like the error's.
    public struct Related: Sendable, Equatable {
        /// How the message introduces the place: "in the block mapping that starts at",
        /// "first at".
        public var label: String
        public var line: Int
        public var column: Int

        public init(label: String, line: Int, column: Int) {
            self.label = label
            self.line = line
            self.column = column
        }
    }

    public var line: Int
    public var column: Int
    /// What is wrong, without any position.
    public var problem: String
    public var related: Related?

    public init(line: Int, column: Int, message: String, related: Related? = nil) {
        self.line = line
        self.column = column
        self.problem = message
        self.related = related
    }

    /// The message with the related place's line as a line of the parsed text.
    public var message: String { message(lineOffset: 0) }

    /// The message with the related place's line shifted by `lineOffset`, for text that starts
    /// below the first line of its file (front matter).
    public func message(lineOffset: Int) -> String {
        guard let related else { return problem }
        return "\(problem) (\(related.label) line \(related.line + lineOffset), column \(related.column))"
    }

    public var description: String { "\(line):\(column): \(message)" }
}
