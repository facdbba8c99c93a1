/// One version of the docs, with the values Docusaurus computes for it
/// (`docusaurus-plugin-content-docs` `versions/version.ts`): label, URL part, banner, badge.
public struct DocVersion: Sendable, Equatable {
    /// The banner a version's pages show above their content.
    public enum Banner: String, Sendable {
        /// A version newer than the last one (`This is unreleased documentation…`).
        case unreleased
        /// A version older than the last one (`…which is no longer actively maintained.`).
        case unmaintained
    }

    /// The name of the version held in the content folder itself.
    public static let currentName = "current"

    /// `current`, or a name listed in `versions.json`.
    public var name: String
    /// `Next` for current, else the name, unless `versions.<name>.label` says otherwise.
    public var label: String
    /// What follows `routeBasePath` in the version's URLs: empty for the last version, `next`
    /// for current, else the name, unless `versions.<name>.path` says otherwise.
    public var pathPart: String
    public var banner: Banner?
    /// Show "Version: LABEL" above each page (default: more than one version is built).
    public var badge: Bool
    /// Keep the version's pages out of search engines and the sitemap.
    public var noIndex: Bool
    /// `docs-version-<name>` unless `versions.<name>.className` says otherwise.
    public var className: String
    /// The version served at the docs root (`lastVersion`).
    public var isLast: Bool
    /// The version's folder relative to the site root; nil for current (the content folder).
    public var contentFolder: String?
    /// `versioned_sidebars/version-<name>-sidebars.json` relative to the site root; nil for current.
    public var sidebarFile: String?

    public var isCurrent: Bool { name == Self.currentName }

    public init(
        name: String, label: String, pathPart: String, banner: Banner?, badge: Bool, noIndex: Bool,
        className: String, isLast: Bool, contentFolder: String?, sidebarFile: String?
    ) {
        self.name = name
        self.label = label
        self.pathPart = pathPart
        self.banner = banner
        self.badge = badge
        self.noIndex = noIndex
        self.className = className
        self.isLast = isLast
        self.contentFolder = contentFolder
        self.sidebarFile = sidebarFile
    }
}
