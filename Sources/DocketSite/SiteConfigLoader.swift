import DocketDiagnostics
import DocketYAML

/// Reads `docket.yml` into a `SiteConfig`, reporting every bad key at its line and column.
public enum SiteConfigLoader {
    public static let fileName = "docket.yml"

    /// Parses the text of a config file; `path` is how diagnostics name it.
    public static func load(_ text: String, path: String, into config: inout SiteConfig) -> Diagnostics {
        var diagnostics = Diagnostics()
        let root: YAMLNode
        do {
            guard let parsed = try YAMLParser.parse(text) else { return diagnostics }
            root = parsed
        } catch {
            diagnostics.error(at: SourceLocation(path: path, line: error.line, column: error.column), "invalid YAML: \(error.message)")
            return diagnostics
        }
        guard let pairs = root.mapping else {
            diagnostics.error(at: SourceLocation(path: path, line: root.line, column: root.column), "docket.yml must be a mapping of settings")
            return diagnostics
        }
        var reader = YAMLFieldReader(path: path)
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            let value = pair.value
            switch key {
            case "title": config.title = reader.string(value, key) ?? config.title
            case "tagline": config.tagline = reader.string(value, key)
            case "url": config.url = reader.string(value, key)
            case "baseUrl":
                if let v = reader.string(value, key) { config.baseURL = normalizedBaseURL(v) }
            case "routeBasePath":
                if let v = reader.string(value, key) {
                    let trimmed = v.split(separator: "/").joined(separator: "/")
                    config.routeBasePath = trimmed.isEmpty ? "/" : trimmed
                }
            case "content":
                config.contentDirectory = reader.string(value, key) ?? config.contentDirectory
                config.contentDirectoryIsExplicit = true
            case "exclude": config.exclude = globs(value, key, &reader)
            case "include": config.include = globs(value, key, &reader)
            case "static": config.staticDirectory = reader.string(value, key) ?? config.staticDirectory
            case "out": config.outputDirectory = reader.string(value, key) ?? config.outputDirectory
            case "theme": config.themeName = reader.string(value, key) ?? config.themeName
            case "editUrl": config.editURL = reader.string(value, key)
            case "onBrokenLinks": config.onBrokenLinks = reader.severity(value, key) ?? config.onBrokenLinks
            case "onBrokenAnchors": config.onBrokenAnchors = reader.severity(value, key) ?? config.onBrokenAnchors
            case "logo":
                if let src = reader.string(value["src"] ?? value, "logo.src") {
                    config.logo = (src, value["alt"]?.string ?? config.title)
                }
            case "navbar": config.navbar = reader.links(value, key)
            case "footer":
                config.footerCopyright = value["copyright"].flatMap { reader.string($0, "footer.copyright") }
                if let links = value["links"] { config.footerLinks = reader.links(links, "footer.links") }
            case "mermaid":
                if let script = value["script"].flatMap({ reader.string($0, "mermaid.script") }) { config.mermaidScript = script }
            case "tableOfContents":
                if let v = value["minHeadingLevel"] { config.tocMinLevel = reader.level(v, "tableOfContents.minHeadingLevel") ?? 2 }
                if let v = value["maxHeadingLevel"] { config.tocMaxLevel = reader.level(v, "tableOfContents.maxHeadingLevel") ?? 3 }
            case "sidebarCollapsed": config.sidebarCollapsed = reader.bool(value, key) ?? true
            case "sidebarCollapsible": config.sidebarCollapsible = reader.bool(value, key) ?? true
            case "sidebar": config.sidebar = reader.sidebar(value)
            case "sidebars":
                if pairs.contains(where: { $0.key.string == "sidebar" }) {
                    reader.fail(pair.key, "docket.yml has both 'sidebar' and 'sidebars': keep one ('sidebar' is one sidebar named \(SiteConfig.defaultSidebarName))")
                }
                config.sidebars = reader.sidebars(value)
            case "trailingSlash":
                if value.isNull { config.trailingSlash = nil } else if let flag = value.bool { config.trailingSlash = flag } else {
                    reader.fail(value, "'trailingSlash' must be true, false or null (null, the default, keeps each URL as computed)")
                }
            case "externalPaths": config.externalPaths = reader.externalPaths(value)
            case "markdown":
                guard let settings = value.mapping else {
                    reader.fail(value, "'markdown' must be a mapping, such as {emoji: false}")
                    continue
                }
                for setting in settings {
                    if setting.key.string == "emoji" {
                        config.markdownEmoji = reader.bool(setting.value, "markdown.emoji") ?? true
                    } else if setting.key.string == "mdx" {
                        config.mdxUnknownComponentsAreErrors = MDXSetting.read(setting.value, &reader)
                    } else {
                        reader.diagnostics.warning(at: reader.location(setting.key), "unknown setting 'markdown.\(setting.key.string ?? "")' in docket.yml")
                    }
                }
            case "showLastUpdateTime": config.showLastUpdateTime = reader.bool(value, key) ?? false
            case "showLastUpdateAuthor": config.showLastUpdateAuthor = reader.bool(value, key) ?? false
            case _ where VersionOptions.keys.contains(key): config.versioning.read(key, value, &reader)
            default:
                reader.diagnostics.warning(at: reader.location(pair.key), "unknown setting '\(key)' in docket.yml")
            }
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        return diagnostics
    }

    /// A list of globs; a pattern that cannot be used is an error at its line.
    private static func globs(_ node: YAMLNode, _ key: String, _ reader: inout YAMLFieldReader) -> [ContentGlob] {
        let items = node.sequence ?? [node]
        var globs: [ContentGlob] = []
        for item in items {
            guard let text = reader.string(item, key) else { continue }
            do {
                globs.append(try ContentGlob(text))
            } catch {
                reader.fail(item, "'\(key)': \(error.message)")
            }
        }
        return globs
    }

    /// `docs` → `/docs/`; `/` stays.
    public static func normalizedBaseURL(_ value: String) -> String {
        let inner = value.split(separator: "/").joined(separator: "/")
        return inner.isEmpty ? "/" : "/" + inner + "/"
    }
}
