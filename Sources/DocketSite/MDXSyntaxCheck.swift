import DocketDiagnostics
import DocketMarkdown

/// JSX components left inside Markdown text after the MDX layer: a capitalised tag in the middle
/// of a paragraph (`Run <Highlight>this</Highlight>`) is not something docket can render, so it
/// is reported where it is written rather than passed through as unknown HTML. Imports, exports,
/// expressions and block components are checked by the MDX layer in DocketMarkdown. Shown every
/// HTML node of a page by the walk of `PageReferences`.
struct MDXSyntaxCheck {
    /// The diagnostic code of everything `markdown.mdx.unknownComponents: warn` turns into warnings.
    static let unsupportedCode = "mdx.unsupported"

    let path: String
    private(set) var found: [Diagnostic] = []

    /// Checks the text of an HTML node (inline or block) written at `range`.
    mutating func inspect(html: String, at range: SourceRange) {
        guard html.hasPrefix("<"), let name = Self.jsxName(html) else { return }
        let known = MDXComponent(rawValue: name) != nil
        found.append(
            Diagnostic(
                .error, at: SourceLocation(path: path, line: range.startLine, column: range.startColumn),
                known
                    ? "<\(name)> must start on its own line (with a blank line or a tag before it) for docket to render it; here it is raw HTML"
                    : "docket cannot render the component <\(name)> (plain Markdown, HTML and the built-in theme components only); the page would render wrong",
                code: Self.unsupportedCode))
    }

    private static func jsxName(_ html: String) -> String? {
        let name = html.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "." }
        guard let first = name.first, first.isUppercase else { return nil }
        return String(name)
    }
}
