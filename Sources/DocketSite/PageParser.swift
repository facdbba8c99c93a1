import DocketDiagnostics
import DocketMarkdown

/// The per-page stage: text in, `ParsedPage` out. Pure and independent of every other page, so
/// pages parse in parallel and one page can be re-parsed alone.
public enum PageParser {
    /// The largest page read, in bytes; a larger one is an error before any parsing.
    public static let maxPageBytes = 10 * 1024 * 1024
    /// The largest front matter, in bytes: its values reach every page (titles in the sidebar).
    public static let maxFrontMatterBytes = 256 * 1024
    /// The longest title or sidebar label, in characters: each is repeated in the sidebar of
    /// every page of the site.
    public static let maxTitleLength = 1000

    public static func parse(text: String, source: String, displayPath: String) -> ParsedPage {
        if text.utf8.count > maxPageBytes {
            return refused(
                source: source, displayPath: displayPath, line: 1,
                "the page is \(text.utf8.count) bytes; pages may be at most \(maxPageBytes) bytes (10 MB)")
        }
        let split = FrontMatterSplit(text)
        if let yaml = split.yaml, yaml.utf8.count > maxFrontMatterBytes {
            return refused(
                source: source, displayPath: displayPath, line: 2,
                "the front matter is \(yaml.utf8.count) bytes; it may be at most \(maxFrontMatterBytes) bytes")
        }
        let (frontMatter, frontMatterProblems) = FrontMatter.parse(split.yaml, path: displayPath)
        var diagnostics = frontMatterProblems
        var markdown = MarkdownDocument.parse(
            split.body, lineOffset: split.bodyLineOffset, path: displayPath,
            isMDX: source.lowercased().hasSuffix(".mdx"))
        diagnostics.append(contentsOf: markdown.diagnostics)
        // Taken out of the parse result, so that the tree is held once and the heading ids are
        // set in place: shared with `markdown`, the page's top-level children were copied.
        let root = markdown.root
        markdown.root = MarkdownNode(.document)
        let (document, toc) = HeadingAnchors.assign(consume root)

        var references = PageReferences(path: displayPath)
        references.read(document)
        diagnostics.append(contentsOf: references.mdxCheck.found)
        let contentTitle = ContentTitleText.find(in: document, body: split.body, bodyLineOffset: split.bodyLineOffset)
        for (key, value) in [("title", frontMatter.title), ("sidebar_label", frontMatter.sidebarLabel)] {
            if let value, value.count > maxTitleLength, let location = frontMatter.locations[key] {
                diagnostics.error(
                    at: location, "'\(key)' is \(value.count) characters long; titles may be at most \(maxTitleLength)")
            }
        }
        if let contentTitle, contentTitle.count > maxTitleLength {
            let line =
                document.contentTitleIndex.map { document.children[$0].range.startLine } ?? split.bodyLineOffset + 1
            diagnostics.error(
                at: SourceLocation(path: displayPath, line: line, column: 1),
                "the title is \(contentTitle.count) characters long; titles may be at most \(maxTitleLength)")
        }
        diagnostics.append(contentsOf: references.directiveCheck.found)
        // A step without a runbook is never extracted, so `docket check` never runs it: most
        // likely the `runbook:` front matter is missing or lost its key.
        if frontMatter.raw?["runbook"] == nil {
            for block in references.stepBlocks {
                diagnostics.warning(
                    at: SourceLocation(path: displayPath, line: block.range.startLine, column: block.range.startColumn),
                    "step=\(block.name) is not a runbook step: this page has no 'runbook:' front matter, so no runbook holds it and 'docket check' never runs it (add runbook: with id, title and params, or remove step=)"
                )
            }
        }

        return ParsedPage(
            source: source,
            displayPath: displayPath,
            frontMatter: frontMatter,
            document: document,
            toc: ExactStorage.array(toc),
            anchors: references.anchors,
            contentTitle: contentTitle,
            excerpt: Excerpt.first(in: document),
            links: ExactStorage.array(references.links),
            diagnostics: diagnostics,
            components: references.components,
            hasMermaidDiagram: references.hasMermaidDiagram)
    }

    /// A page that is not parsed at all: one located error, an empty document.
    private static func refused(source: String, displayPath: String, line: Int, _ message: String) -> ParsedPage {
        var diagnostics = Diagnostics()
        diagnostics.error(at: SourceLocation(path: displayPath, line: line, column: 1), message)
        return ParsedPage(
            source: source, displayPath: displayPath, frontMatter: FrontMatter(), document: MarkdownNode(.document),
            toc: [], anchors: [], contentTitle: nil, excerpt: nil, links: [], diagnostics: diagnostics)
    }
}
