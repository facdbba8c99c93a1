import DocketDiagnostics
import Foundation

/// The outcome of running one runbook against its fixture.
public struct RunbookCheckResult: Sendable {
    /// One step's outcome, with what the fixture expected.
    public struct StepResult: Sendable {
        public var name: String
        public var actual: Expectations.StepOutcome
        public var expected: Expectations.StepOutcome
        public var location: SourceLocation
        public var output: String
        public var passed: Bool { Self.matches(actual, expected) }

        static func matches(_ actual: Expectations.StepOutcome, _ expected: Expectations.StepOutcome) -> Bool {
            switch (actual, expected) {
            case (.ok, .ok), (.skipped, .skipped), (.failed, .failed(nil)): return true
            case (.failed(let a), .failed(let b)): return a == b
            default: return false
            }
        }
    }

    public var runbook: String
    public var steps: [StepResult]
    /// Every failed expectation, located on the page (or in fixture.yml).
    public var failures: [Diagnostic]
    public var duration: TimeInterval
    /// The sandbox folder, when kept for inspection.
    public var keptFolder: URL?

    public var passed: Bool { failures.isEmpty }
}
