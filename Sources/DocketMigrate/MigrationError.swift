import DocketDiagnostics

/// Why `docket migrate` wrote nothing.
public enum MigrationError: Error, Sendable {
    /// No `docusaurus.config.{js,ts,mjs,cjs}` in the folder.
    case noConfig(folder: String)
    /// A config or sidebars file whose text cannot be read as JavaScript at all.
    case syntax(SourceLocation, String)
    /// The file could not be read.
    case unreadable(path: String, reason: String)

    /// One located diagnostic for the user.
    public var diagnostic: Diagnostic {
        switch self {
        case .noConfig(let folder):
            return .error(
                at: SourceLocation(path: folder, line: 0, column: 0),
                "no docusaurus.config.js, .ts, .mjs or .cjs here: is this a Docusaurus site folder?")
        case .syntax(let location, let message):
            return .error(at: location, "cannot read this file as JavaScript: \(message)")
        case .unreadable(let path, let reason):
            return .error(at: SourceLocation(path: path, line: 0, column: 0), "cannot read this file: \(reason)")
        }
    }
}
