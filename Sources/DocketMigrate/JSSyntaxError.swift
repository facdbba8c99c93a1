/// A config file the tolerant parser cannot even tokenise or balance, at its line and column.
public struct JSSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}
