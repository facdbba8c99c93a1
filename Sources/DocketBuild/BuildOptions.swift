import DocketSite
import Foundation

/// What the user asked for on the command line; nil means "from docket.yml, else the default".
/// Paths given here are relative to the current directory; paths in docket.yml to the site root.
public struct BuildOptions: Sendable {
    public var root: String?
    public var content: String?
    public var staticDirectory: String?
    public var output: String?
    public var baseURL: String?
    public var brokenLinks: SiteConfig.Severity?
    /// Warnings fail the build.
    public var strict = false
    /// Keep draft pages (development builds).
    public var includeDrafts = false
    /// Replace a non-empty output folder that docket did not write (`--force`).
    public var force = false
    /// Told the number of pages of each content folder before they are read
    /// (`SitePipeline.pagesFound`).
    public var pagesFound: (@Sendable (_ count: Int) -> Void)?

    public init() {}
}
