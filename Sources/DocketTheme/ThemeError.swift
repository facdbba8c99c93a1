import DocketDiagnostics

/// Problems loading a theme, each tied to a file.
public enum ThemeError: Error, CustomStringConvertible {
    case missingTheme(name: String, directory: String)
    case invalidTemplate(SourceLocation, String)
    case missingTemplate(String)

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .missingTheme(_, let directory): return SourceLocation(path: directory, line: 0, column: 0)
        case .invalidTemplate(let location, _): return location
        case .missingTemplate(let name): return SourceLocation(path: "templates/\(name).mustache", line: 0, column: 0)
        }
    }

    public var message: String {
        switch self {
        case .missingTheme(let name, _):
            return
                "theme '\(name)' not found (expected \(name.contains("/") ? "that folder" : "a folder themes/\(name)/ in the site"))"
        case .invalidTemplate(_, let message):
            return message
        case .missingTemplate(let name):
            return "the theme has no template '\(name).mustache'"
        }
    }

    public var description: String { "\(location): error: \(message)" }
}
