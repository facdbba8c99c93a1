import DocketDiagnostics

/// Problems loading a theme, each tied to a file.
public enum ThemeError: Error, CustomStringConvertible {
    case missingTheme(name: String, directory: String)
    case invalidTemplate(SourceLocation, String)
    case missingTemplate(String)

    public var description: String {
        switch self {
        case .missingTheme(let name, let directory):
            return "\(directory): error: theme '\(name)' not found (expected a folder themes/\(name)/ in the site)"
        case .invalidTemplate(let location, let message):
            return "\(location): error: \(message)"
        case .missingTemplate(let name):
            return "error: the theme has no template '\(name).mustache'"
        }
    }
}
