import DocketDiagnostics
import DocketMarkdown

/// Warns about `:::name` directives that are not admonitions: Docusaurus does the same, and the
/// content is still rendered in a plain container.
enum DirectiveCheck {
    static func check(_ root: MarkdownNode, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        root.walk { node in
            guard case .directive(let directive) = node.kind, Admonition.kind(of: directive.name) == nil else { return }
            found.append(.warning(
                at: SourceLocation(path: path, line: node.range.startLine, column: node.range.startColumn),
                "unknown directive ':::\(directive.name)' (admonitions are note, tip, info, warning, danger, caution); rendered as a plain block"))
        }
        return found
    }
}
