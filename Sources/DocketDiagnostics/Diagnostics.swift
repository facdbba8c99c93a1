/// An ordered collection of diagnostics, gathered by every stage and printed together at the end.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        all = items
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public mutating func append(contentsOf items: [Diagnostic]) {
        all.append(contentsOf: items)
    }

    public mutating func error(at location: SourceLocation, _ message: String) {
        all.append(.error(at: location, message))
    }

    public mutating func warning(at location: SourceLocation, _ message: String) {
        all.append(.warning(at: location, message))
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var isEmpty: Bool { all.isEmpty }

    /// Diagnostics sorted by file, line, column, then message: stable output whatever order the
    /// parallel stages finished in.
    public var sorted: [Diagnostic] {
        all.sorted {
            ($0.location.path, $0.location.line, $0.location.column, $0.message)
                < ($1.location.path, $1.location.line, $1.location.column, $1.message)
        }
    }
}
