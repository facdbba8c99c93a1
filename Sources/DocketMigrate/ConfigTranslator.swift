import DocketDiagnostics
import DocketSite
import Foundation

/// Maps the keys of a Docusaurus config object onto docket.yml, warning at every key it drops.
struct ConfigTranslator {
    let site: URL
    let configFile: String
    let shown: (String) -> String
    var diagnostics = Diagnostics()
    var sidebarsFile: String?

    private var settings: [String: YAMLValue] = [:]
    private var navbar: [YAMLValue] = []
    /// First path segments of navbar and footer `to:` links outside the docs (`/blog`): served by
    /// something else, so proposed as `externalPaths`.
    private var outsidePaths = Set<String>()
    private var footer: [(String, YAMLValue)] = []
    private var contentPath = "docs"
    private var routeBasePath = "docs"
    /// Every sidebar of sidebars.js by id, translated: one becomes `sidebar`, several `sidebars`.
    private var sidebars: [(id: String, items: [YAMLValue])] = []
    private var docsOptionsSeen = false

    /// docket.yml's keys in the order of the configuration reference.
    private static let order = [
        "title", "tagline", "url", "baseUrl", "trailingSlash", "routeBasePath", "content", "exclude", "include",
        "static",
        "editUrl", "onBrokenLinks", "onBrokenAnchors", "externalPaths", "logo", "navbar", "footer", "tableOfContents",
        "showLastUpdateTime", "showLastUpdateAuthor",
        "sidebarCollapsed", "sidebarCollapsible", "sidebar", "sidebars",
        "lastVersion", "onlyIncludeVersions", "includeCurrentVersion", "disableVersioning", "versions",
    ]

    init(site: URL, configFile: String, shown: @escaping (String) -> String) {
        self.site = site
        self.configFile = configFile
        self.shown = shown
    }

    // MARK: warnings

    private mutating func warn(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.warning(at: SourceLocation(path: configFile, line: line, column: column), message)
    }

    private mutating func drop(_ property: JSProperty, _ path: String, _ reason: String) {
        warn(property.line, property.column, "'\(path)' is not migrated: \(reason)")
    }

    /// A literal string, or a warning that says why the value cannot be used.
    private mutating func string(_ node: JSNode, _ path: String) -> String? {
        if let s = node.string { return s }
        warn(
            node.line, node.column,
            "'\(path)' is \(node.description), not a literal string: not migrated (set it in docket.yml by hand)")
        return nil
    }

    private mutating func bool(_ node: JSNode, _ path: String) -> Bool? {
        if let b = node.bool { return b }
        warn(node.line, node.column, "'\(path)' is \(node.description), not true or false: not migrated")
        return nil
    }

    // MARK: top level

    mutating func translate(_ config: JSNode?) {
        guard let config, let properties = config.properties else {
            let at = config.map { ($0.line, $0.column) } ?? (1, 1)
            warn(
                at.0, at.1,
                config.map {
                    "the config is \($0.description), not an object literal: nothing but the content folder is migrated"
                }
                    ?? "this file exports no object literal (module.exports = {…} or export default {…}): nothing but the content folder is migrated"
            )
            settings["content"] = .string(contentPath)
            return
        }
        // The docs options first: the navbar's doc links need the content folder and the sidebars.
        for property in properties where property.key == "presets" { presets(property) }
        for property in properties where property.key == "plugins" { plugins(property) }
        if !docsOptionsSeen { settings["content"] = .string(contentPath) }
        for property in properties {
            guard let key = property.key else {
                warn(property.line, property.column, "\(property.value.description) in the config is not migrated")
                continue
            }
            let value = property.value
            switch key {
            case "title", "tagline", "url", "baseUrl":
                if let s = string(value, key) { settings[key] = .string(s) }
            case "onBrokenLinks", "onBrokenAnchors":
                if let s = string(value, key) { settings[key] = .string(Self.severity(s)) }
            case "onBrokenMarkdownLinks":
                if let s = value.string,
                    Self.severity(s)
                        != (settings["onBrokenLinks"].flatMap { if case .string(let t) = $0 { t } else { nil } }
                            ?? "error")
                {
                    drop(
                        property, key,
                        "docket checks Markdown links under onBrokenLinks; this setting (\(s)) differs from it")
                }
            case "presets", "plugins": break
            case "themes": themes(property)
            case "themeConfig": themeConfig(value)
            case "markdown": markdown(property)
            case "staticDirectories":
                if let dirs = value.array, dirs.count == 1, let dir = dirs[0].string {
                    if dir != "static" { settings["static"] = .string(dir) }
                } else {
                    drop(property, key, "docket copies one static folder")
                }
            case "i18n":
                if let locales = value["locales"]?.array, locales.count > 1 {
                    drop(property, key, "docket builds one language; only the default locale's pages are built")
                }
            case "trailingSlash":
                if let flag = value.bool {
                    settings[key] = .bool(flag)
                } else if !value.isNull {
                    drop(property, key, "it is \(value.description), not true, false or undefined")
                }
            case "organizationName", "projectName", "deploymentBranch", "githubHost", "githubPort":
                drop(property, key, "a deployment setting; docket does not deploy")
            case "favicon":
                drop(property, key, "docket has no favicon setting yet (a theme folder can hold one)")
            case "customFields":
                drop(property, key, "custom fields are read by React components, which docket does not run")
            case "scripts", "stylesheets", "headTags", "clientModules":
                drop(
                    property, key,
                    "docket does not add scripts or styles to pages from docket.yml; a theme folder's templates can")
            case "future", "webpack", "ssrTemplate", "noIndex", "titleDelimiter", "baseUrlIssueBanner",
                "onDuplicateRoutes", "storage":
                drop(property, key, "a Docusaurus build setting docket has no equivalent for")
            default:
                drop(property, key, "docket has no equivalent setting")
            }
        }
        otherFolders()
    }

    private static func severity(_ s: String) -> String {
        switch s {
        case "throw", "error": return "error"
        case "warn", "log", "warning": return "warn"
        default: return "ignore"
        }
    }

    // MARK: presets and plugins

    private mutating func presets(_ property: JSProperty) {
        guard let list = property.value.array else {
            warn(property.value.line, property.value.column, "'presets' is \(property.value.description): not migrated")
            return
        }
        for (i, entry) in list.enumerated() {
            let (name, options) = Self.nameAndOptions(entry)
            guard let name, name.contains("classic") else {
                warn(
                    entry.line, entry.column,
                    "preset '\(name ?? entry.description)' is not migrated: docket reads the classic preset's options only"
                )
                continue
            }
            guard let properties = options?.properties else { continue }
            for option in properties {
                let path = "presets[\(i)].\(option.key ?? "…")"
                switch option.key {
                case "docs":
                    if option.value.bool == false {
                        drop(option, path, "the docs are turned off; docket builds docs only")
                    } else {
                        docsOptions(option.value, path: path)
                    }
                case "blog":
                    if option.value.bool != false {
                        drop(option, path, "docket has no blog; the blog folder is not built")
                    }
                case "pages":
                    if option.value.bool != false {
                        drop(option, path, "React and Markdown pages in src/pages are not built by docket")
                    }
                case "theme":
                    for themeOption in option.value.properties ?? [] {
                        if themeOption.key == "customCss" {
                            drop(
                                themeOption, path + ".customCss",
                                "custom CSS is not carried over: copy what you need into a theme folder (theme: in docket.yml)"
                            )
                        } else {
                            drop(
                                themeOption, path + "." + (themeOption.key ?? "…"), "docket's theme has no such option")
                        }
                    }
                case "sitemap":
                    drop(option, path, "docket writes sitemap.xml itself; its options are not migrated")
                case "gtag", "googleAnalytics", "googleTagManager", "svgr":
                    drop(option, path, "docket adds no analytics or bundler plugins")
                default:
                    drop(option, path, "the classic preset's option has no docket equivalent")
                }
            }
        }
    }

    private mutating func plugins(_ property: JSProperty) {
        for (i, entry) in (property.value.array ?? []).enumerated() {
            let (name, options) = Self.nameAndOptions(entry)
            if let name, name.contains("plugin-content-docs"), !docsOptionsSeen,
                options?["id"] == nil || options?["id"]?.string == "default"
            {
                if let options { docsOptions(options, path: "plugins[\(i)]") }
                continue
            }
            let what = name.map { "plugin '\($0)'" } ?? "this plugin (\(entry.description))"
            warn(
                entry.line, entry.column,
                "\(what) is not migrated: Docusaurus plugins run JavaScript during the build, and docket runs none")
        }
        if property.value.array == nil {
            warn(property.value.line, property.value.column, "'plugins' is \(property.value.description): not migrated")
        }
    }

    private mutating func themes(_ property: JSProperty) {
        for entry in property.value.array ?? [] {
            let (name, _) = Self.nameAndOptions(entry)
            // docket renders mermaid diagrams itself: the mermaid theme needs no translation.
            if name?.contains("theme-mermaid") == true { continue }
            if name?.contains("theme-classic") == true { continue }
            warn(
                entry.line, entry.column,
                "theme '\(name ?? entry.description)' is not migrated: Docusaurus themes are React components; docket uses its own theme"
            )
        }
    }

    private mutating func markdown(_ property: JSProperty) {
        for option in property.value.properties ?? [] {
            switch option.key {
            case "mermaid": continue  // docket renders ```mermaid blocks with no setting.
            case "hooks":
                for hook in option.value.properties ?? [] where hook.key == "onBrokenMarkdownLinks" {
                    if let s = hook.value.string, Self.severity(s) != "error" {
                        drop(
                            hook, "markdown.hooks.onBrokenMarkdownLinks",
                            "docket checks Markdown links under onBrokenLinks")
                    }
                }
            default:
                drop(option, "markdown." + (option.key ?? "…"), "docket's Markdown has no such setting")
            }
        }
    }

    /// `'classic'`, `['classic', {…}]`, `[require.resolve('x'), {…}]`.
    private static func nameAndOptions(_ entry: JSNode) -> (String?, JSNode?) {
        if let s = entry.string { return (s, nil) }
        if case .call(_, let arguments) = entry.kind { return (arguments.first?.string, nil) }
        guard let pair = entry.array, let first = pair.first else { return (nil, nil) }
        var name = first.string
        if case .call(_, let arguments) = first.kind { name = arguments.first?.string }
        return (name, pair.count > 1 ? pair[1] : nil)
    }

    // MARK: the docs plugin

    private mutating func docsOptions(_ node: JSNode, path: String) {
        guard let properties = node.properties else {
            warn(node.line, node.column, "'\(path)' is \(node.description): the docs options are not migrated")
            return
        }
        docsOptionsSeen = true
        var editURL: String?
        for option in properties {
            let key = option.key ?? "…"
            let at = path + "." + key
            let value = option.value
            switch key {
            case "path": if let s = string(value, at) { contentPath = s }
            case "routeBasePath":
                if let s = string(value, at) { routeBasePath = s }
            case "exclude", "include":
                guard let items = value.array else {
                    warn(value.line, value.column, "'\(at)' is \(value.description), not a list of globs: not migrated")
                    continue
                }
                var globs: [YAMLValue] = []
                for item in items {
                    guard let glob = string(item, at) else { continue }
                    if key == "exclude", ContentGlob.defaultExcludes.contains(glob) { continue }
                    if (try? ContentGlob(glob)) == nil {
                        warn(item.line, item.column, "'\(glob)' in '\(at)' is not a glob docket can use: not migrated")
                        continue
                    }
                    globs.append(.string(glob))
                }
                if key == "include", globs == ContentGlob.defaultIncludes.map(YAMLValue.string) { continue }
                if !globs.isEmpty || key == "include" { settings[key] = .list(globs) }
            case "editUrl":
                if value.string != nil {
                    editURL = value.string
                } else {
                    warn(
                        value.line, value.column,
                        "'\(at)' is \(value.description): only a literal URL is migrated (docket appends the page's path to it)"
                    )
                }
            case "sidebarPath":
                if value.bool == false {
                    drop(option, at, "docket always shows a sidebar; it is generated from the folders")
                } else if let file = value.string ?? Self.callArgument(value) {
                    readSidebars(file)
                } else {
                    warn(value.line, value.column, "'\(at)' is \(value.description): the sidebars are not migrated")
                }
            case "sidebarCollapsed", "sidebarCollapsible":
                if let b = bool(value, at) { settings[key] = .bool(b) }
            case "versions":
                versions(option, path: at)
            case "lastVersion":
                if let s = string(value, at) { settings[key] = .string(s) }
            case "includeCurrentVersion", "disableVersioning":
                if let b = bool(value, at) { settings[key] = .bool(b) }
            case "onlyIncludeVersions":
                guard let items = value.array else {
                    warn(
                        value.line, value.column,
                        "'\(at)' is \(value.description), not a list of version names: not migrated")
                    continue
                }
                settings[key] = .list(items.compactMap { item in string(item, at).map(YAMLValue.string) })
            case "remarkPlugins", "rehypePlugins", "beforeDefaultRemarkPlugins", "beforeDefaultRehypePlugins",
                "recmaPlugins":
                drop(option, at, "Markdown plugins are JavaScript, which docket does not run")
            case "showLastUpdateTime", "showLastUpdateAuthor":
                if let b = bool(value, at) { settings[key] = .bool(b) }
            case "sidebarItemsGenerator", "numberPrefixParser":
                drop(option, at, "a function that docket cannot run; docket applies Docusaurus's default rules")
            case "tagsBasePath", "tags", "onInlineTags":
                drop(option, at, "docket has no tag pages yet")
            case "docItemComponent", "docLayoutComponent", "docRootComponent", "docVersionRootComponent",
                "docTagDocListComponent", "docTagsListComponent", "docCategoryGeneratedIndexComponent":
                drop(option, at, "a React component; docket renders pages with its own theme")
            case "id":
                continue
            default:
                drop(option, at, "the docs plugin's option has no docket equivalent")
            }
        }
        let trimmedContent = contentPath.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        contentPath = trimmedContent.isEmpty ? "." : trimmedContent
        settings["content"] = .string(contentPath)
        let route = routeBasePath.split(separator: "/").joined(separator: "/")
        routeBasePath = route.isEmpty ? "/" : route
        if routeBasePath != "docs" { settings["routeBasePath"] = .string(routeBasePath) }
        if let editURL {
            // Docusaurus appends the path from the site folder (docs/intro.md); docket the path
            // inside the content folder (intro.md): move the content folder into the base.
            var base = editURL
            if !base.hasSuffix("/") { base += "/" }
            settings["editUrl"] = .string(Self.editBase(base, contentPath))
        }
    }

    /// `base` + the content folder, with `..` taken off the URL's path (`website/` + `../docs` →
    /// `docs/`), as a browser would resolve the link Docusaurus writes.
    static func editBase(_ base: String, _ content: String) -> String {
        guard content != "." else { return base }
        var prefix = base
        var rest = content
        while rest.hasPrefix("../") || rest == ".." {
            rest = rest == ".." ? "" : String(rest.dropFirst(3))
            var trimmed = prefix.dropLast()  // the trailing slash
            guard let slash = trimmed.lastIndex(of: "/"), !trimmed[..<slash].hasSuffix("/") else { break }
            trimmed = trimmed[...slash]
            prefix = String(trimmed)
        }
        return rest.isEmpty ? prefix : prefix + rest + "/"
    }

    private static func callArgument(_ node: JSNode) -> String? {
        if case .call(_, let arguments) = node.kind { return arguments.first?.string }
        return nil
    }

    /// `versions: {NAME: {label, path, banner, badge, noIndex, className}}`, kept under the same
    /// names (docket reads them with versions.json, versioned_docs/ and versioned_sidebars/).
    private mutating func versions(_ option: JSProperty, path: String) {
        guard let entries = option.value.properties else {
            warn(
                option.value.line, option.value.column,
                "'\(path)' is \(option.value.description), not an object of versions: not migrated")
            return
        }
        var versions: [(String, YAMLValue)] = []
        for version in entries {
            let name = version.key ?? "…"
            guard let fields = version.value.properties else {
                warn(
                    version.value.line, version.value.column,
                    "'\(path).\(name)' is \(version.value.description), not an object: not migrated")
                continue
            }
            var options: [(String, YAMLValue)] = []
            for field in fields {
                let key = field.key ?? "…"
                let at = path + "." + name + "." + key
                switch key {
                case "label", "path", "banner", "className":
                    if let s = string(field.value, at) { options.append((key, .string(s))) }
                case "badge", "noIndex":
                    if let b = bool(field.value, at) { options.append((key, .bool(b))) }
                default:
                    drop(field, at, "the version option has no docket equivalent")
                }
            }
            if !options.isEmpty { versions.append((name, .map(options))) }
        }
        if !versions.isEmpty { settings["versions"] = .map(versions) }
    }

    private mutating func readSidebars(_ file: String) {
        var name = file
        while name.hasPrefix("./") { name.removeFirst(2) }
        let url = site.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.warning(
                at: SourceLocation(path: configFile, line: 0, column: 0),
                "the sidebars file '\(file)' does not exist: the sidebar is generated from the folders")
            return
        }
        sidebarsFile = name
        let exported: JSNode?
        do {
            exported = try DocusaurusMigration.parse(url, shown: shown(name))
        } catch {
            diagnostics.append(error.diagnostic)
            return
        }
        var translator = SidebarTranslator(file: shown(name))
        guard let exported, let properties = exported.properties else {
            diagnostics.warning(
                at: SourceLocation(path: shown(name), line: exported?.line ?? 1, column: exported?.column ?? 1),
                "this file exports no object literal of sidebars: the sidebar is generated from the folders")
            return
        }
        for property in properties {
            guard let id = property.key else {
                diagnostics.warning(
                    at: SourceLocation(path: shown(name), line: property.line, column: property.column),
                    "\(property.value.description) among the sidebars is not migrated")
                continue
            }
            sidebars.append((id, translator.items(property.value)))
        }
        diagnostics.append(contentsOf: translator.diagnostics)
        // One sidebar keeps the short form; several keep their names, which displayed_sidebar uses.
        if sidebars.count == 1 {
            settings["sidebar"] = .list(sidebars[0].items)
        } else if sidebars.count > 1 {
            settings["sidebars"] = .map(sidebars.map { ($0.id, .list($0.items)) })
        }
    }

    // MARK: themeConfig

    private mutating func themeConfig(_ node: JSNode) {
        guard let properties = node.properties else {
            warn(node.line, node.column, "'themeConfig' is \(node.description): not migrated")
            return
        }
        for property in properties {
            let key = property.key ?? "…"
            switch key {
            case "navbar": navbarConfig(property.value)
            case "footer": footerConfig(property.value)
            case "tableOfContents":
                var levels: [(String, YAMLValue)] = []
                for field in property.value.properties ?? [] {
                    if let name = field.key, ["minHeadingLevel", "maxHeadingLevel"].contains(name),
                        let n = field.value.number, n == n.rounded(), (2...6).contains(n)
                    {
                        levels.append((name, .int(Int(n))))
                    } else {
                        drop(
                            field, "themeConfig.tableOfContents." + (field.key ?? "…"),
                            "docket takes whole heading levels from 2 to 6")
                    }
                }
                if !levels.isEmpty { settings["tableOfContents"] = .map(levels) }
            case "colorMode":
                drop(property, "themeConfig.colorMode", "docket's theme follows the reader's system colour scheme")
            case "prism":
                drop(
                    property, "themeConfig.prism",
                    "docket highlights code at build time with its own grammars and colours")
            case "algolia":
                drop(property, "themeConfig.algolia", "docket has its own search, built with the site")
            case "mermaid":
                drop(
                    property, "themeConfig.mermaid",
                    "docket renders diagrams with mermaid's defaults (mermaid.script in docket.yml can name another build)"
                )
            default:
                drop(property, "themeConfig." + key, "docket's theme has no such setting")
            }
        }
    }

    private mutating func navbarConfig(_ node: JSNode) {
        for property in node.properties ?? [] {
            switch property.key {
            case "title":
                if let s = property.value.string,
                    s != (settings["title"].flatMap { if case .string(let t) = $0 { t } else { nil } })
                {
                    drop(property, "themeConfig.navbar.title", "docket's navbar shows the site title")
                }
            case "logo":
                var logo: [(String, YAMLValue)] = []
                for field in property.value.properties ?? [] {
                    if let name = field.key, ["src", "alt"].contains(name),
                        let s = string(field.value, "themeConfig.navbar.logo." + name)
                    {
                        // A logo src is a path under static/, which docket's logo key writes from `/`.
                        let value = name == "alt" || s.hasPrefix("/") || s.contains("://") ? s : "/" + s
                        logo.append((name, .string(value)))
                    } else if field.key != "src", field.key != "alt" {
                        drop(
                            field, "themeConfig.navbar.logo." + (field.key ?? "…"), "docket's logo has src and alt only"
                        )
                    }
                }
                if !logo.isEmpty { settings["logo"] = .map(logo.sorted { $0.0 > $1.0 }) }
            case "items":
                for item in property.value.array ?? [] {
                    if let link = navLink(item, path: "themeConfig.navbar.items") { navbar.append(link) }
                }
            default:
                drop(property, "themeConfig.navbar." + (property.key ?? "…"), "docket's navbar has no such setting")
            }
        }
    }

    private mutating func footerConfig(_ node: JSNode) {
        var links: [YAMLValue] = []
        for property in node.properties ?? [] {
            switch property.key {
            case "copyright":
                if let s = property.value.string {
                    // docket prints the © sign itself.
                    var text = s.replacingOccurrences(of: "Copyright © ", with: "").replacingOccurrences(
                        of: "©", with: "")
                    text = text.trimmingCharacters(in: .whitespaces)
                    footer.append(("copyright", .string(text)))
                } else {
                    warn(
                        property.value.line, property.value.column,
                        "'themeConfig.footer.copyright' is \(property.value.description): not migrated (write it in docket.yml by hand)"
                    )
                }
            case "links":
                let items = property.value.array ?? []
                let columns = items.filter { $0["items"] != nil }
                if !columns.isEmpty {
                    warn(
                        property.line, property.column,
                        "the footer's \(columns.count) columns are flattened into one row of links: docket's footer has no column titles"
                    )
                }
                for item in items {
                    if let inner = item["items"]?.array {
                        for link in inner {
                            if let l = navLink(link, path: "themeConfig.footer.links") { links.append(l) }
                        }
                    } else if let l = navLink(item, path: "themeConfig.footer.links") {
                        links.append(l)
                    }
                }
            case "style": continue  // dark or light: docket's footer has one style.
            default:
                drop(
                    property, "themeConfig.footer." + (property.key ?? "…"),
                    "docket's footer has copyright and links only")
            }
        }
        if !links.isEmpty { footer.append(("links", .list(links))) }
        if !footer.isEmpty { settings["footer"] = .map(footer) }
    }

    /// A navbar or footer item as `{label, to}` or `{label, href}`.
    private mutating func navLink(_ item: JSNode, path: String) -> YAMLValue? {
        guard let properties = item.properties else {
            warn(item.line, item.column, "this \(path) entry is \(item.description): not migrated")
            return nil
        }
        let type = item["type"]?.string ?? "default"
        var label = item["label"]?.string
        var target: (String, String)?
        switch type {
        case "default":
            if let to = item["to"]?.string {
                // Docusaurus lets `to` hold a full URL; docket calls that an href.
                let external = to.contains("://") || to.hasPrefix("mailto:")
                target = external ? ("href", to) : ("to", to.hasPrefix("/") ? to : "/" + to)
            } else if let href = item["href"]?.string {
                target = ("href", href)
            }
        case "doc", "docSidebar":
            let isDoc = type == "doc"
            guard let id = item[isDoc ? "docId" : "sidebarId"]?.string else { break }
            let found = isDoc ? docTarget(id) : sidebarTarget(id)
            if let found {
                target = ("to", found.url)
                if label == nil { label = found.title }
            } else {
                warn(
                    item.line, item.column,
                    "the \(path) entry for \(isDoc ? "doc" : "sidebar") '\(id)' is not migrated: no page of the content folder has that \(isDoc ? "id" : "sidebar")"
                )
                return nil
            }
        case "search":
            return nil  // docket always has its search box.
        case "docsVersionDropdown":
            // docket's navbar has a version menu by itself on a site with versions.
            let known: Set<String> = ["type", "position", "dropdownActiveClassDisabled", "docsPluginId"]
            for property in properties where !known.contains(property.key ?? "") {
                drop(
                    property, path + "." + (property.key ?? "…"), "docket's version menu lists the site's versions only"
                )
            }
            return nil
        default:
            warn(
                item.line, item.column,
                "a \(path) entry of type '\(type)' is not migrated: docket's links are plain {label, to|href}")
            return nil
        }
        if item["html"] != nil {
            warn(item.line, item.column, "a \(path) entry with raw html is not migrated")
            return nil
        }
        guard let label, let target else {
            warn(item.line, item.column, "this \(path) entry has no literal label and to/href: not migrated")
            return nil
        }
        let known: Set<String> = ["type", "label", "to", "href", "docId", "sidebarId", "position"]
        for property in properties where !known.contains(property.key ?? "") {
            drop(property, path + "." + (property.key ?? "…"), "docket's links have label and to/href only")
        }
        if target.0 == "to", let prefix = outsidePrefix(target.1), outsidePaths.insert(prefix).inserted {
            warn(
                item.line, item.column,
                "'\(target.1)' is outside the docs (\(routeBasePath)): docket.yml lists \(prefix) in externalPaths, so links under it are left unchecked; remove it if nothing else serves that path"
            )
        }
        return .map([("label", .string(label)), (target.0, .string(target.1))])
    }

    /// The first segment of a `to:` path outside the docs (`/blog/2024` → `/blog`); nil for a
    /// path under the docs, the home page, or any path when the docs are served at the root.
    private func outsidePrefix(_ to: String) -> String? {
        let path = to.split(separator: "#", maxSplits: 1).first.map(String.init) ?? to
        let segments = path.split(separator: "?", maxSplits: 1).first?.split(separator: "/") ?? []
        let route = routeBasePath.split(separator: "/")
        guard let first = segments.first, !route.isEmpty, !segments.starts(with: route) else { return nil }
        return "/" + first
    }

    // MARK: doc URLs

    private var docsSite: Site?

    /// The site as docket would assemble it from the content folder (no sidebar spec), for the
    /// URLs of navbar doc links.
    private mutating func assembled(sidebar: [YAMLValue]?) -> Site? {
        var config = SiteConfig()
        let yaml = YAMLText.document(
            [("routeBasePath", .string(routeBasePath))] + (sidebar.map { [("sidebar", .list($0))] } ?? []))
        _ = SiteConfigLoader.load(yaml, path: "docket.yml", into: &config)
        var exclude: [ContentGlob] = []
        if case .list(let globs)? = settings["exclude"] {
            for case .string(let g) in globs { if let glob = try? ContentGlob(g) { exclude.append(glob) } }
        }
        let content = site.appendingPathComponent(contentPath)
        let inventory = ContentInventory.scan(
            ResolvedPath(content.path, from: "/"), in: DiskSiteSource(), exclude: exclude)
        let parsed = inventory.pages.compactMap { source -> ParsedPage? in
            guard let text = try? String(contentsOf: content.appendingPathComponent(source), encoding: .utf8) else {
                return nil
            }
            return PageParser.parse(text: text, source: source, displayPath: source)
        }
        return SiteAssembler.assemble(
            parsed: parsed, categories: [:], config: config, staticFiles: [],
            contentFiles: inventory.otherFiles, contentDisplayPath: contentPath)
    }

    private mutating func docTarget(_ id: String) -> (url: String, title: String)? {
        if docsSite == nil { docsSite = assembled(sidebar: nil) }
        guard let page = docsSite?.page(id: id) else { return nil }
        return (page.permalink, page.title)
    }

    private mutating func sidebarTarget(_ id: String) -> (url: String, title: String)? {
        guard let items = sidebars.first(where: { $0.id == id })?.items, let built = assembled(sidebar: items) else {
            return nil
        }
        func first(_ items: [SidebarItem]) -> (String, String)? {
            for item in items {
                switch item {
                case .doc(let doc):
                    if let page = built.page(id: doc.id) { return (page.permalink, page.title) }
                case .category(let category):
                    if let url = built.url(of: item) { return (url, category.label) }
                    if let found = first(category.items) { return found }
                case .link: continue
                }
            }
            return nil
        }
        return first(built.sidebar).map { (url: $0.0, title: $0.1) }
    }

    // MARK: folders

    /// What the site holds beside the config that docket does not build.
    private mutating func otherFolders() {
        let fm = FileManager.default
        let notes: [(String, String)] = [
            ("src/theme", "swizzled theme components are React code; docket's theme is Mustache templates"),
            ("src/pages", "React and Markdown pages outside the docs are not built"),
            ("src/css", "custom CSS is not carried over: copy what you need into a theme folder"),
            ("i18n", "translations are not built: docket builds one language"),
            ("blog", "docket has no blog"),
        ]
        for (folder, reason) in notes where fm.fileExists(atPath: site.appendingPathComponent(folder).path) {
            if folder == "src/theme" {
                let files =
                    (fm.enumerator(atPath: site.appendingPathComponent(folder).path)?.allObjects as? [String] ?? [])
                    .filter { !$0.hasPrefix(".") && $0.contains(".") }.sorted()
                for file in files {
                    diagnostics.warning(
                        at: SourceLocation(path: shown(folder + "/" + file), line: 0, column: 0),
                        "not migrated: \(reason)")
                }
                continue
            }
            diagnostics.warning(at: SourceLocation(path: shown(folder), line: 0, column: 0), "not migrated: \(reason)")
        }
    }

    // MARK: output

    func documentText(configName: String) -> String {
        var pairs: [(String, YAMLValue)] = []
        var settings = self.settings
        if !navbar.isEmpty { settings["navbar"] = .list(navbar) }
        if !outsidePaths.isEmpty { settings["externalPaths"] = .list(outsidePaths.sorted().map { .string($0) }) }
        // A setting missing from `order` would vanish from docket.yml without a word.
        assert(
            settings.keys.allSatisfy(Self.order.contains),
            "ConfigTranslator.order lacks \(settings.keys.filter { !Self.order.contains($0) })")
        for key in Self.order { if let value = settings[key] { pairs.append((key, value)) } }
        var header = "# docket.yml, written by `docket migrate` from \(configName)"
        if let sidebarsFile { header += " and \(sidebarsFile)" }
        header +=
            ".\n# What it could not translate was printed as warnings; see content/reference/configuration.md\n# in docket's docs for every key.\n"
        return header + YAMLText.document(pairs)
    }
}
