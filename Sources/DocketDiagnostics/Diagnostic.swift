/// One problem found in the user's input, always tied to the place that caused it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// More lines printed under the message (a diff, the tail of a command's output).
    public var detail: String?
    /// A stable identifier of the kind of problem (`request.unrouted`, `step.failed`): reports
    /// group and filter by it, never by the wording of the message. Not printed in the
    /// `path:line:col: error: message` form.
    public var code: String?
    /// The runbook step the problem belongs to, when it concerns one.
    public var step: String?
    /// Other places that explain the problem (the fixture line of an expectation, say).
    public var related: [SourceLocation] = []

    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String, detail: String? = nil,
        code: String? = nil, step: String? = nil, related: [SourceLocation] = []
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.detail = detail
        self.code = code
        self.step = step
        self.related = related
    }

    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `path:line:col: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
