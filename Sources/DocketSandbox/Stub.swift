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
