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

    /// One expectation of the fixture (a file, a call, a request, an output text) and how it
    /// fared: a JUnit test case each.
    public struct ExpectationResult: Sendable {
        public enum State: String, Sendable {
            case passed
            case failed
            /// Not checked: the step it is about did not run because an earlier one failed.
            case notChecked = "not checked"
        }

        /// `file ~/app.env`, `call docker compose up -d`, `request GET https://…`.
        public var name: String
        /// Where fixture.yml states it.
        public var location: SourceLocation
        public var state: State
        public var failures: [Diagnostic]
    }

    public var runbook: String
    public var steps: [StepResult]
    public var expectations: [ExpectationResult] = []
    /// Every failed expectation, located on the page (or in fixture.yml).
    public var failures: [Diagnostic]
    public var duration: TimeInterval
    /// The sandbox folders kept for inspection (`--keep`): the run's, then the idempotence
    /// run's when there was one.
    public var keptFolders: [URL] = []

    public var passed: Bool { failures.isEmpty }
}
