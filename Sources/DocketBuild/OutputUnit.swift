/// One file, or one group of files made together, of a built site: what `docket serve` writes
/// on its own when a change touches it (see `SiteOutputs`).
public enum OutputUnit: Hashable, Sendable {
    /// A doc page, by its content-relative source.
    case page(String)
    /// A generated category index, by its position in `Site.generatedIndexes`.
    case generatedIndex(Int)
    /// Every tag page and the tags overview.
    case tagPages
    case notFound
    /// The redirect at the site root when no page is the home page.
    case home
    case sitemap
    /// The theme's files under `assets/docket/`.
    case themeAssets
    /// `assets/docket/sidebar.json`.
    case sidebarData
    /// The search index and its term and text files.
    case search
    /// The generated runbook scripts and manifests.
    case runbooks
    /// A file of the static folder, relative to it.
    case staticFile(String)
    /// A content-folder file a page links to, relative to the content folder.
    case contentAsset(String)
}
