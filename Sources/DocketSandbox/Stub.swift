/// A command replaced inside the sandbox. Every call is recorded before the stub answers.
public struct Stub: Sendable {
    public enum Behaviour: Sendable {
        /// An executable file of the fixture.
        case executable(path: String)
        /// Declarative answers, tried in order; a call no rule matches fails with status 127.
        case rules([StubRule])
    }

    public var name: String
    public var behaviour: Behaviour

    public init(name: String, behaviour: Behaviour) {
        self.name = name
        self.behaviour = behaviour
    }
}

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

    public init(exact: String? = nil, pattern: String? = nil, stdout: String = "", stderr: String = "", status: Int = 0, creates: [String: String] = [:]) {
        self.exact = exact
        self.pattern = pattern
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
        self.creates = creates
    }
}
