import DocketDiagnostics
import DocketMarkdown

/// The per-page stage: text in, `ParsedPage` out. Pure and independent of every other page, so
/// pages parse in parallel and one page can be re-parsed alone.
public enum PageParser {
    public static func parse(text: String, source: String, displayPath: String) -> ParsedPage {
        let split = FrontMatterSplit(text)
        var (frontMatter, diagnostics) = FrontMatter.parse(split.yaml, path: displayPath)
        frontMatter.lineOffset = 1
        let markdown = MarkdownDocument.parse(split.body, lineOffset: split.bodyLineOffset, path: displayPath)
        diagnostics.append(contentsOf: markdown.diagnostics)
        let (document, toc) = HeadingAnchors.assign(markdown.root)

        var anchors = Set<String>()
        var links: [LinkReference] = []
        document.walk { node in
            switch node.kind {
            case .heading(_, let id?):
                anchors.insert(id)
            case .link(let destination, _):
                links.append(LinkReference(destination: destination, isImage: false, line: node.range.startLine, column: node.range.startColumn))
            case .image(let source, _):
                links.append(LinkReference(destination: source, isImage: true, line: node.range.startLine, column: node.range.startColumn))
            default:
                break
            }
        }
        diagnostics.append(contentsOf: MDXSyntaxCheck.check(document, path: displayPath))
        diagnostics.append(contentsOf: DirectiveCheck.check(document, path: displayPath))

        return ParsedPage(
            source: source,
            displayPath: displayPath,
            frontMatter: frontMatter,
            document: document,
            toc: toc,
            anchors: anchors,
            contentTitle: ContentTitleText.find(in: split.body),
            excerpt: Excerpt.first(in: document),
            links: links,
            diagnostics: diagnostics)
    }
}
