import DocketDiagnostics

/// A value the operator gives: on the page it appears as its `example`.
public struct RunbookParameter: Sendable {
    public var name: String
    public var example: String?
    public var description: String
    public var defaultValue: String?
    public var pattern: String?
    public var secret: Bool
    public var choices: [String]
    public var location: SourceLocation
}
