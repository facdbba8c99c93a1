import DocketDiagnostics

/// The files of the static folder, relative to it and sorted, served at the site root; and
/// the problems found listing them (a symlink out of the folder, a name no URL can carry).
public struct StaticListing: Sendable {
    public var files: [String] = []
    public var diagnostics = Diagnostics()

    public init(files: [String] = [], diagnostics: Diagnostics = Diagnostics()) {
        self.files = files
        self.diagnostics = diagnostics
    }

    /// The error for a file or folder whose name holds a control character.
    static func badName(_ shown: String) -> Diagnostic {
        .error(
            at: SourceLocation(path: shown, line: 0, column: 0),
            "this file name holds a control character; rename it: it cannot be part of a URL")
    }
}
