import DocketDiagnostics

/// What `docket migrate` made of a Docusaurus site: the text of docket.yml and everything it
/// could not translate (warnings at `file:line:col`).
public struct MigrationResult: Sendable {
    public var docketYAML: String
    public var diagnostics: Diagnostics
    /// The config file read, relative to the site folder (`docusaurus.config.ts`).
    public var configFile: String
    /// The sidebars file read, when the docs preset names one that exists.
    public var sidebarsFile: String?
}
