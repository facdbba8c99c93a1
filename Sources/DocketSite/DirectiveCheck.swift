import DocketDiagnostics
import DocketMarkdown

/// Warns about `:::name` directives that are not admonitions: Docusaurus does the same, and the
/// content is still rendered in a plain container. Shown every node of a page by the walk of
/// `PageReferences`.
struct DirectiveCheck {
    let path: String
    private(set) var found: [Diagnostic] = []

    mutating func inspect(_ node: MarkdownNode) {
        if case .directive(let directive) = node.kind, Admonition.kind(of: directive.name) == nil {
            found.append(
                .warning(
                    at: SourceLocation(path: path, line: node.range.startLine, column: node.range.startColumn),
                    "unknown directive ':::\(directive.name)' (admonitions are note, tip, info, warning, danger, caution); rendered as a plain block"
                ))
        }
    }
}
