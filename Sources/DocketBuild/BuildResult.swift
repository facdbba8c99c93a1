import DocketDiagnostics
import DocketMarkdown
import DocketSite
import DocketTheme
import Foundation

/// What a build produced.
public struct BuildResult: Sendable {
    public var diagnostics: Diagnostics
    /// False when errors (or, with `--strict`, warnings) stopped the build; the previous output
    /// folder is then untouched.
    public var succeeded: Bool
    public var pagesWritten: Int
    public var output: String
    /// Links left unchecked because they lead under `externalPaths` (said in the summary line).
    public var uncheckedLinks = 0
    /// The output folder was refused (see `OutputGuard`): a usage error, nothing was written.
    public var refused = false
}
