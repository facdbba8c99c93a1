import DocketDiagnostics
import DocketYAML

/// Reads `markdown.mdx` of `docket.yml`: `{unknownComponents: error | warn}`.
public enum MDXSetting {
    /// `markdown.mdx:` as the YAML decoder reads it.
    private struct Fields: Decodable {
        var unknownComponents: Located<String>?
    }

    /// True (the default) when MDX docket cannot render is an error; false for `warn`.
    static func read(_ node: YAMLNode, _ reader: inout YAMLReader) -> Bool {
        guard node.mapping != nil else {
            reader.fail(node, "'markdown.mdx' must be a mapping, such as {unknownComponents: warn}")
            return true
        }
        let (decoded, unknown) = reader.decode(Fields.self, from: node, at: ["markdown", "mdx"])
        UnknownKeyWording.siteConfig.report(unknown, &reader)
        switch decoded?.unknownComponents?.value {
        case "error"?, nil: return true
        case "warn"?: return false
        case let other?:
            reader.fail(
                decoded!.unknownComponents!.node,
                "'markdown.mdx.unknownComponents' is '\(other)'; it must be error or warn")
            return true
        }
    }

    /// `diagnostics` with the MDX problems `markdown.mdx.unknownComponents: warn` asks for as
    /// warnings turned into warnings (syntax errors such as an unclosed tag stay errors).
    public static func applied(_ diagnostics: Diagnostics, config: SiteConfig) -> Diagnostics {
        guard !config.mdxUnknownComponentsAreErrors,
            diagnostics.all.contains(where: { $0.code == MDXSyntaxCheck.unsupportedCode })
        else { return diagnostics }
        var result = Diagnostics()
        for var diagnostic in diagnostics.all {
            if diagnostic.code == MDXSyntaxCheck.unsupportedCode { diagnostic.severity = .warning }
            result.append(diagnostic)
        }
        return result
    }
}
