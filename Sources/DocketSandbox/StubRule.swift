/// One declarative answer of a stub.
public struct StubRule: Sendable {
    /// The arguments joined by single spaces must equal this…
    public var exact: String?
    /// …or match this extended regular expression (bash `=~`); neither means "any call".
    public var pattern: String?
    public var stdout: String
    public var stderr: String
    public var status: Int
    /// Files to create, by path (`~/` is the sandbox home), with their content.
    public var creates: [String: String]

    public init(
        exact: String? = nil, pattern: String? = nil, stdout: String = "", stderr: String = "", status: Int = 0,
        creates: [String: String] = [:]
    ) {
        self.exact = exact
        self.pattern = pattern
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
        self.creates = creates
    }
}
