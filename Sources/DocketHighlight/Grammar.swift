/// A table-driven lexer for one language: numbered states (0 is the start) of ordered rules,
/// and the bytes that make an identifier.
final class Grammar: Sendable {
    let states: [LexState]
    let identifierStart: ByteSet
    let identifier: ByteSet
    /// Per state, per rule: the bytes a match can start with.
    let firstBytes: [[ByteSet]]
    /// Per state, the rules a byte can start, in order: `rules[starts[byte]..<starts[byte + 1]]`
    /// are the indices of the rules whose `firstBytes` hold `byte`. The lexer tries only those,
    /// where it tested every rule's set at every position.
    let candidates: [Candidates]
    /// Per state, its rules without a strong reference: the lexer tries rules at every offset, on
    /// every core at once, and retaining a shared rule for each try made every core write the
    /// rule's reference count (a cache line passed between the cores). The rules live as long as
    /// the grammar (`states` holds them), and a lexer holds its grammar.
    let unretainedRules: [[Unmanaged<Rule>]]

    /// The rules each byte can start in one state (see `candidates`).
    struct Candidates: Sendable {
        let starts: [Int32]
        let rules: [Int32]

        init(_ firsts: [ByteSet]) {
            var starts: [Int32] = [0]
            var rules: [Int32] = []
            starts.reserveCapacity(257)
            for byte in 0...255 {
                for (index, first) in firsts.enumerated() where first.contains(UInt8(byte)) {
                    rules.append(Int32(index))
                }
                starts.append(Int32(rules.count))
            }
            self.starts = starts
            self.rules = rules
        }
    }

    init(identifierStart: ByteSet = .identifierStart, identifier: ByteSet = .identifier, states: [LexState]) {
        self.states = states
        self.identifierStart = identifierStart
        self.identifier = identifier
        firstBytes = states.map { state in state.rules.map { $0.pattern.firstBytes(identifierStart: identifierStart) } }
        candidates = firstBytes.map(Candidates.init)
        unretainedRules = states.map { state in state.rules.map { Unmanaged.passUnretained($0) } }
    }
}
