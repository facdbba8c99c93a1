import DocketDiagnostics
import DocketMarkdown

/// MDX features docket does not run: `import`/`export` lines and capitalised JSX components. They
/// are reported where they are written rather than silently dropped or half-rendered.
enum MDXSyntaxCheck {
    static func check(_ root: MarkdownNode, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for child in root.children {
            if case .paragraph = child.kind, let first = child.children.first, case .text(let text) = first.kind,
               (text.hasPrefix("import ") && (text.contains(" from ") || text.contains("'") || text.contains("\"")))
                || text.hasPrefix("export ") {
                found.append(.warning(at: location(child, path), "MDX \(text.hasPrefix("import") ? "import" : "export") lines are not supported by docket; the line is shown as text"))
            }
        }
        root.walk { node in
            let html: String
            switch node.kind {
            case .htmlBlock(let h), .htmlInline(let h): html = h
            default: return
            }
            guard html.hasPrefix("<"), let name = jsxName(html) else { return }
            found.append(.warning(at: location(node, path), "JSX component <\(name)> is not supported by docket (plain Markdown and HTML only); it is passed through as raw HTML"))
        }
        return found
    }

    private static func location(_ node: MarkdownNode, _ path: String) -> SourceLocation {
        SourceLocation(path: path, line: node.range.startLine, column: node.range.startColumn)
    }

    private static func jsxName(_ html: String) -> String? {
        let name = html.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "." }
        guard let first = name.first, first.isUppercase else { return nil }
        return String(name)
    }
}
