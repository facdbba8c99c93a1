import DocketDiagnostics

/// A YAML problem at its file position: a syntax error, a value of the wrong type, a missing
/// required key, or a rule of the caller broken by a value.
public struct YAMLDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(at location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
