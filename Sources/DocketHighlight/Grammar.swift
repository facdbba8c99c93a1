/// A table-driven lexer for one language: numbered states (0 is the start) of ordered rules,
/// and the bytes that make an identifier.
final class Grammar: Sendable {
    let states: [LexState]
    let identifierStart: ByteSet
    let identifier: ByteSet
    /// Per state, per rule: the bytes a match can start with.
    let firstBytes: [[ByteSet]]

    init(identifierStart: ByteSet = .identifierStart, identifier: ByteSet = .identifier, states: [LexState]) {
        self.states = states
        self.identifierStart = identifierStart
        self.identifier = identifier
        firstBytes = states.map { state in state.rules.map { $0.pattern.firstBytes(identifierStart: identifierStart) } }
    }
}
