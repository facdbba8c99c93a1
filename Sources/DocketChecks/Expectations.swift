import DocketDiagnostics
import DocketSandbox

/// What a fixture run must show.
public struct Expectations: Sendable {
    public enum StepOutcome: Sendable, Equatable, CustomStringConvertible {
        case ok
        /// Failed, with this exit status when given.
        case failed(Int?)
        case skipped

        public var description: String {
            switch self {
            case .ok: return "ok"
            case .failed(let status?): return "failed with status \(status)"
            case .failed(nil): return "failed"
            case .skipped: return "skipped"
            }
        }
    }

    /// Checks of one file after the run.
    public struct FileCheck: Sendable {
        public var path: String
        public var exists = true
        public var mode: String?
        public var contains: [String] = []
        public var notContains: [String] = []
        public var matches: [String] = []
        public var notMatches: [String] = []
        /// A file of the fixture folder the result must equal.
        public var sameAs: String?
        public var yamlSubset: String?
        public var jsonSubset: String?
        public var location: SourceLocation
    }

    public var steps: [String: StepOutcome] = [:]
    public var defaultStep = StepOutcome.ok
    public var stepLocations: [String: SourceLocation] = [:]
    public var files: [FileCheck] = []
    /// Calls in order: an exact command line, or (`{match: REGEX}`) a pattern.
    public var calls: [(command: String, isPattern: Bool, location: SourceLocation)] = []
    public var requests: [(request: String, location: SourceLocation)] = []
    public var outputContains: [String] = []
    public var outputNotContains: [String] = []
}
