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
    /// The process exits right after this build (`docket build`): the loaded site is then not
    /// freed but left to the operating system, which takes back a process's memory at once.
    /// Freed part by part, the parsed pages of 10,000 pages took 0.2 s on one core after the
    /// last file was written (`KeptSites`). Leave it off in a process that goes on (a server,
    /// tests): each such build would keep its site.
    public var keepsSiteUntilExit = false

    public init() {}
}
