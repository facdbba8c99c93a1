import DocketDiagnostics
import DocketMarkdown

/// Warns about `:::name` directives that are not admonitions: Docusaurus does the same, and the
/// content is still rendered in a plain container.
struct DirectiveCheck: MarkdownWalker {
    let path: String
    private(set) var found: [Diagnostic] = []

    static func check(_ root: MarkdownNode, path: String) -> [Diagnostic] {
        var check = DirectiveCheck(path: path)
        root.walk(with: &check)
        return check.found
    }

    mutating func visit(_ node: MarkdownNode) {
        if case .directive(let directive) = node.kind, Admonition.kind(of: directive.name) == nil {
            found.append(
                .warning(
                    at: SourceLocation(path: path, line: node.range.startLine, column: node.range.startColumn),
                    "unknown directive ':::\(directive.name)' (admonitions are note, tip, info, warning, danger, caution); rendered as a plain block"
                ))
        }
        descend(into: node)
    }
}
