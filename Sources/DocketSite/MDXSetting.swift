import DocketDiagnostics
import DocketYAML

/// Reads `markdown.mdx` of `docket.yml`: `{unknownComponents: error | warn}`.
public enum MDXSetting {
    /// True (the default) when MDX docket cannot render is an error; false for `warn`.
    static func read(_ node: YAMLNode, _ reader: inout YAMLFieldReader) -> Bool {
        guard let settings = node.mapping else {
            reader.fail(node, "'markdown.mdx' must be a mapping, such as {unknownComponents: warn}")
            return true
        }
        var isError = true
        for setting in settings {
            guard setting.key.string == "unknownComponents" else {
                reader.diagnostics.warning(at: reader.location(setting.key), "unknown setting 'markdown.mdx.\(setting.key.string ?? "")' in docket.yml")
                continue
            }
            switch reader.string(setting.value, "markdown.mdx.unknownComponents") {
            case "error": isError = true
            case "warn": isError = false
            case nil: break
            case let other?:
                reader.fail(setting.value, "'markdown.mdx.unknownComponents' is '\(other)'; it must be error or warn")
            }
        }
        return isError
    }

    /// `diagnostics` with the MDX problems `markdown.mdx.unknownComponents: warn` asks for as
    /// warnings turned into warnings (syntax errors such as an unclosed tag stay errors).
    public static func applied(_ diagnostics: Diagnostics, config: SiteConfig) -> Diagnostics {
        guard !config.mdxUnknownComponentsAreErrors, diagnostics.all.contains(where: { $0.code == MDXSyntaxCheck.unsupportedCode }) else { return diagnostics }
        var result = Diagnostics()
        for var diagnostic in diagnostics.all {
            if diagnostic.code == MDXSyntaxCheck.unsupportedCode { diagnostic.severity = .warning }
            result.append(diagnostic)
        }
        return result
    }
}
