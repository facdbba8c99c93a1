import DocketDiagnostics
import DocketYAML

/// Reads `docket.yml` into a `SiteConfig`, reporting every bad key at its line and column.
public enum SiteConfigLoader {
    public static let fileName = "docket.yml"

    /// The settings of `docket.yml`. Values whose shape varies, or whose messages are their own,
    /// are kept as nodes and read below.
    private struct Fields: Decodable {
        var title: String?
        var tagline: String?
        var url: String?
        var baseUrl: String?
        var routeBasePath: String?
        var content: YAMLNode?
        var exclude: YAMLNode?
        var include: YAMLNode?
        var `static`: String?
        var out: String?
        var theme: String?
        var editUrl: String?
        var onBrokenLinks: YAMLNode?
        var onBrokenAnchors: YAMLNode?
        var logo: YAMLNode?
        var navbar: YAMLNode?
        var footer: FooterFields?
        var mermaid: MermaidFields?
        var tableOfContents: TableOfContentsFields?
        var sidebarCollapsed: Bool?
        var sidebarCollapsible: Bool?
        var sidebar: YAMLNode?
        var sidebars: YAMLNode?
        var trailingSlash: YAMLNode?
        var externalPaths: YAMLNode?
        var markdown: YAMLNode?
        var showLastUpdateTime: Bool?
        var showLastUpdateAuthor: Bool?
        var lastVersion: YAMLNode?
        var onlyIncludeVersions: YAMLNode?
        var includeCurrentVersion: YAMLNode?
        var disableVersioning: YAMLNode?
        var versions: YAMLNode?
    }

    /// `logo:` written as a mapping (`logo: /img/logo.svg` is a `src` alone).
    private struct LogoFields: Decodable {
        var src: String?
        var alt: String?
    }

    /// `footer:`; `links` is read like `navbar`.
    private struct FooterFields: Decodable {
        var copyright: String?
        var links: YAMLNode?
    }

    /// `mermaid:`.
    private struct MermaidFields: Decodable {
        var script: String?
    }

    /// `tableOfContents:`; the levels are checked by `YAMLReader.level`.
    private struct TableOfContentsFields: Decodable {
        var minHeadingLevel: YAMLNode?
        var maxHeadingLevel: YAMLNode?
    }

    /// `markdown:`.
    private struct MarkdownFields: Decodable {
        var emoji: Bool?
        var mdx: YAMLNode?
    }

    /// Parses the text of a config file; `path` is how diagnostics name it.
    public static func load(_ text: String, path: String, into config: inout SiteConfig) -> Diagnostics {
        let document: YAMLDocument
        let root: YAMLNode
        do {
            document = try YAMLDocument(text, path: path)
            guard let mapping = try document.mapping(or: { _ in "docket.yml must be a mapping of settings" }) else {
                return Diagnostics()
            }
            root = mapping
        } catch {
            return Diagnostics([.error(at: error.location, error.message)])
        }
        var reader = YAMLReader(document)
        let (decoded, unknown) = reader.decode(Fields.self, from: root)
        // Nested mappings decoded with `Fields` (footer, mermaid, tableOfContents) come back here too.
        UnknownKeyWording.siteConfig.report(unknown, &reader)
        guard let f = decoded else { return reader.diagnostics }
        if let title = f.title { config.title = title }
        if let tagline = f.tagline { config.tagline = tagline }
        if let url = f.url { config.url = url }
        if let baseURL = f.baseUrl { config.baseURL = normalizedBaseURL(baseURL) }
        if let base = f.routeBasePath {
            let trimmed = base.split(separator: "/").joined(separator: "/")
            config.routeBasePath = trimmed.isEmpty ? "/" : trimmed
        }
        if let content = f.content {
            config.contentDirectory = reader.string(content, "content") ?? config.contentDirectory
            config.contentDirectoryIsExplicit = true
        }
        if let exclude = f.exclude { config.exclude = globs(exclude, "exclude", &reader) }
        if let include = f.include { config.include = globs(include, "include", &reader) }
        if let folder = f.static { config.staticDirectory = folder }
        if let out = f.out { config.outputDirectory = out }
        if let theme = f.theme { config.themeName = theme }
        if let editURL = f.editUrl { config.editURL = editURL }
        if let node = f.onBrokenLinks {
            config.onBrokenLinks = reader.severity(node, "onBrokenLinks") ?? config.onBrokenLinks
        }
        if let node = f.onBrokenAnchors {
            config.onBrokenAnchors = reader.severity(node, "onBrokenAnchors") ?? config.onBrokenAnchors
        }
        if let logo = f.logo { config.logo = readLogo(logo, title: config.title, &reader) ?? config.logo }
        if let navbar = f.navbar { config.navbar = reader.links(navbar, "navbar") }
        if let footer = f.footer {
            config.footerCopyright = footer.copyright
            if let links = footer.links { config.footerLinks = reader.links(links, "footer.links") }
        }
        if let script = f.mermaid?.script { config.mermaidScript = script }
        if let toc = f.tableOfContents {
            if let v = toc.minHeadingLevel {
                config.tocMinLevel = reader.level(v, "tableOfContents.minHeadingLevel") ?? 2
            }
            if let v = toc.maxHeadingLevel {
                config.tocMaxLevel = reader.level(v, "tableOfContents.maxHeadingLevel") ?? 3
            }
        }
        if let collapsed = f.sidebarCollapsed { config.sidebarCollapsed = collapsed }
        if let collapsible = f.sidebarCollapsible { config.sidebarCollapsible = collapsible }
        if let sidebar = f.sidebar { config.sidebar = reader.sidebar(sidebar) }
        if let sidebars = f.sidebars {
            if f.sidebar != nil, let key = root.mapping?.first(where: { $0.key.string == "sidebars" })?.key {
                reader.fail(
                    key,
                    "docket.yml has both 'sidebar' and 'sidebars': keep one ('sidebar' is one sidebar named \(SiteConfig.defaultSidebarName))"
                )
            }
            config.sidebars = reader.sidebars(sidebars)
        }
        if let value = f.trailingSlash {
            if value.isNull {
                config.trailingSlash = nil
            } else if let flag = value.bool {
                config.trailingSlash = flag
            } else {
                reader.fail(
                    value, "'trailingSlash' must be true, false or null (null, the default, keeps each URL as computed)"
                )
            }
        }
        if let paths = f.externalPaths { config.externalPaths = reader.externalPaths(paths) }
        if let markdown = f.markdown { readMarkdown(markdown, into: &config, &reader) }
        if let flag = f.showLastUpdateTime { config.showLastUpdateTime = flag }
        if let flag = f.showLastUpdateAuthor { config.showLastUpdateAuthor = flag }
        config.versioning.read(
            lastVersion: f.lastVersion, onlyIncludeVersions: f.onlyIncludeVersions,
            includeCurrentVersion: f.includeCurrentVersion, disableVersioning: f.disableVersioning,
            versions: f.versions, &reader)
        return reader.diagnostics
    }

    /// `markdown: {emoji, mdx}`.
    private static func readMarkdown(_ node: YAMLNode, into config: inout SiteConfig, _ reader: inout YAMLReader) {
        guard node.mapping != nil else {
            reader.fail(node, "'markdown' must be a mapping, such as {emoji: false}")
            return
        }
        let (decoded, unknown) = reader.decode(MarkdownFields.self, from: node, at: ["markdown"])
        UnknownKeyWording.siteConfig.report(unknown, &reader)
        if let emoji = decoded?.emoji { config.markdownEmoji = emoji }
        if let mdx = decoded?.mdx { config.mdxUnknownComponentsAreErrors = MDXSetting.read(mdx, &reader) }
    }

    /// `logo: SRC` or `logo: {src, alt}`; `alt` defaults to the site title.
    private static func readLogo(_ node: YAMLNode, title: String, _ reader: inout YAMLReader) -> (
        src: String, alt: String
    )? {
        guard node.mapping != nil else { return reader.string(node, "logo.src").map { ($0, title) } }
        let (decoded, unknown) = reader.decode(LogoFields.self, from: node, at: ["logo"])
        UnknownKeyWording.siteConfig.report(unknown, &reader)
        guard let fields = decoded else { return nil }
        guard let src = fields.src else {
            reader.fail(node, "'logo' needs 'src' (a path under the static folder, or a URL)")
            return nil
        }
        return (src, fields.alt ?? title)
    }

    /// A list of globs; a pattern that cannot be used is an error at its line.
    private static func globs(_ node: YAMLNode, _ key: String, _ reader: inout YAMLReader) -> [ContentGlob] {
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
