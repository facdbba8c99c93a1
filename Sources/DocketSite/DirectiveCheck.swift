import DocketDiagnostics
import DocketMarkdown

/// Warns about `:::name` directives that are not admonitions: Docusaurus does the same, and the
/// content is still rendered in a plain container. Shown every directive of a page by the walk of
/// `PageReferences`.
struct DirectiveCheck {
    let path: String
    private(set) var found: [Diagnostic] = []

    /// Checks a directive written at `range`.
    mutating func inspect(_ directive: MarkdownNode.Directive, at range: SourceRange) {
        if Admonition.kind(of: directive.name) == nil {
            found.append(
                .warning(
                    at: SourceLocation(path: path, line: range.startLine, column: range.startColumn),
                    "unknown directive ':::\(directive.name)' (admonitions are note, tip, info, warning, danger, caution); rendered as a plain block"
                ))
        }
    }
}
