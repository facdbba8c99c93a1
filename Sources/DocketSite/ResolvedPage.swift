import DocketDiagnostics
import DocketMarkdown

/// A page whose links have been checked and rewritten to site URLs: what the renderer reads.
public struct ResolvedPage: Sendable {
    public var page: Page
    public var document: MarkdownNode
    /// Content-folder files (images, downloads) this page links to, relative to the content
    /// folder; the build copies them to `assets/content/`.
    public var assets: Set<String>
    public var diagnostics: Diagnostics
    /// Links under `externalPaths`, left unchecked.
    public var uncheckedLinks = 0
    /// False when `document` is still the parsed tree (`LinkResolver.check`): the links were
    /// checked, but rewriting waits for `LinkResolver.rewritten`, right before the page renders,
    /// so a build never holds a rewritten tree of every page at once.
    public var linksRewritten = true
}
