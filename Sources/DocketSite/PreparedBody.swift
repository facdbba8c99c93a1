import DocketMarkdown
import Synchronization

/// What a build keeps of a page in place of its Markdown tree: the body rendered with its link
/// URLs left open, and its search sections. Made on the core that parsed the page
/// (`SitePipeline.prerendersBodies`), so the site's trees never all exist at once: at 1,000
/// pages they were 19 MB of a 29 MB heap (massif), the rendered bodies are about 8 MB and the
/// search sections about 5 MB.
///
/// Only a page whose rendering needs nothing but its resolved links is prepared: a runbook
/// page (its steps are labelled from the extracted runbook) and a page with `<DocCardList/>`
/// (its cards come from the sidebar) keep their trees.
///
/// The two parts live in one shared box, so that a build can give each back as soon as its one
/// reader is done (`releaseHTML` once the page is written, `releaseSearchSections` once the
/// search index has read them), whatever copies of the page exist: every copy of the page sees
/// the release. Read after its release, a part is nil, and its reader fails loudly.
public struct PreparedBody: Sendable {
    /// True when the body starts with the page's `# Title`, rendered as its `<header>`.
    public let hasContentTitle: Bool
    private let parts: Parts

    private final class Parts: Sendable {
        let html: Mutex<LinkedHTML?>
        let searchSections: Mutex<[SearchSection]?>

        init(html: LinkedHTML, searchSections: [SearchSection]) {
            self.html = Mutex(html)
            self.searchSections = Mutex(searchSections)
        }
    }

    init(html: LinkedHTML, hasContentTitle: Bool, searchSections: [SearchSection]) {
        self.hasContentTitle = hasContentTitle
        parts = Parts(html: html, searchSections: searchSections)
    }

    /// The body as `HTMLRenderer.render(document:contentTitleIndex:)` writes it; nil once
    /// released.
    public var html: LinkedHTML? { parts.html.withLock { $0 } }

    /// The page's search sections (`SearchSection.sections`), with page 0, no title and the
    /// page's description and keywords: the search index numbers them and titles the first. Nil
    /// once released.
    public var searchSections: [SearchSection]? { parts.searchSections.withLock { $0 } }

    /// Gives the body's memory back: the page is written and nothing reads it again.
    public func releaseHTML() {
        _ = parts.html.withLock { $0.take() }
    }

    /// Gives the search sections' memory back: the search index has read them.
    public func releaseSearchSections() {
        _ = parts.searchSections.withLock { $0.take() }
    }

    /// Renders `page`'s tree and gathers its sections; nil when the page must keep its tree.
    static func of(_ page: ParsedPage, renderer: HTMLRenderer) -> PreparedBody? {
        guard page.frontMatter.raw?["runbook"] == nil, !page.components.contains(.docCardList) else { return nil }
        let titleIndex = page.document.contentTitleIndex
        return PreparedBody(
            html: renderer.renderLinked(document: page.document, contentTitleIndex: titleIndex),
            hasContentTitle: titleIndex != nil,
            searchSections: ExactStorage.array(
                SearchSection.sections(
                    of: page.document, page: 0, title: "",
                    description: page.frontMatter.description ?? page.excerpt, keywords: page.frontMatter.keywords)))
    }
}
