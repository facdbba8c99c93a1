import DocketDiagnostics
import DocketSite
import Foundation
import Mustache

/// A theme: Mustache templates and static assets. The default theme is compiled in; a site's
/// `themes/<name>/` folder overrides any of its files by relative path.
public struct Theme: Sendable {
    /// Every file of the theme, by path relative to the theme folder.
    public let files: [String: String]
    private(set) var library: MustacheLibrary
    /// The templates left out of `library` because the theme renders their output natively;
    /// `render(_:_:)` parses them on demand.
    let deferred: DeferredTemplates
    /// What each template file reads and includes (`TemplateScope.scan`), by template name; nil
    /// for a template the reading cannot follow.
    private let templateScopes: [String: TemplateScope?]
    /// True while `toc-items.mustache` is the built-in one: pages then get their TOC items from
    /// `TOCView.builtInHTML` instead of running the template for every entry.
    let rendersTOCNatively: Bool
    /// `icon-external`'s text while it and `sidebar-items.mustache` are the built-in ones: sidebar
    /// items then come from `SidebarItemView.builtInHTML` instead of the template.
    let sidebarItemsIcon: String?
    /// True while `page.mustache` and the partials `PageDocument.builtInHTML` writes out are the
    /// built-in ones: doc pages are then made by that function instead of the template.
    let rendersPageNatively: Bool
    /// The files the site's theme folder replaced (relative paths).
    let overridden: Set<String>
    /// The partials rendered once per build by `bound(to:versioned:)`: their text, by name. The
    /// library holds each as a literal template of that text (for the templates that include it);
    /// a doc page made by `PageDocument.builtInHTML` shows the text itself.
    private(set) var siteTexts: [String: String] = [:]
    /// The names of `siteTexts`, sorted (tests).
    var siteRendered: [String] { siteTexts.keys.sorted() }
    /// The names of the templates left unparsed until rendered (`DeferredTemplates`), sorted (tests).
    var deferredNames: [String] { deferred.texts.keys.sorted() }

    /// The files under `assets/`, relative to it, which the build copies to `assets/docket/`.
    public var assets: [(path: String, content: String)] {
        files.filter { $0.key.hasPrefix("assets/") }
            .map { (String($0.key.dropFirst("assets/".count)), $0.value) }
            .sorted { $0.path < $1.path }
    }

    /// The assets a build of `site` writes: all of them, except the bundled mermaid folder when no
    /// page has a diagram or the site loads mermaid from elsewhere (`mermaid.script`).
    public func assets(for site: Site) -> [(path: String, content: String)] {
        if MermaidBundle.isNeeded(by: site) { return assets }
        return assets.filter { !$0.path.hasPrefix(MermaidBundle.folder) }
    }

    /// The theme `name` over the default theme: `folder` holds the files of its folder
    /// (relative path → text) as the caller read them, or nil when that folder (`directory`)
    /// does not exist. DocketTheme reads no files: `docket` finds and reads the folder.
    public static func load(name: String, directory: String, folder: [String: String]?) throws(ThemeError) -> Theme {
        var files = DefaultThemeFiles.files
        var overridden = Set<String>()
        if let folder {
            for (path, text) in folder {
                files[path] = text
                overridden.insert(path)
            }
        } else if name != "default" {
            throw .missingTheme(name: name, directory: directory)
        }
        return try Theme(
            files: files, displayRoot: name.contains("/") ? name : "themes/\(name)", overridden: overridden)
    }

    /// The compiled-in default theme.
    public static var builtIn: Theme {
        // The embedded templates are tested to parse, so this cannot fail in a release.
        try! Theme(files: DefaultThemeFiles.files, displayRoot: "themes/default", overridden: [])
    }

    init(files: [String: String], displayRoot: String, overridden: Set<String>) throws(ThemeError) {
        self.files = files
        self.overridden = overridden
        func isBuiltIn(_ path: String) -> Bool { files[path] != nil && files[path] == DefaultThemeFiles.files[path] }
        rendersTOCNatively = isBuiltIn(Self.tocItemsFile)
        rendersPageNatively = Self.nativePageFiles.allSatisfy(isBuiltIn)
        let icon = "templates/icon-external.mustache"
        // The built-in icon holds no tag: its text is what the template renders.
        sidebarItemsIcon =
            isBuiltIn(Self.sidebarItemsFile) && isBuiltIn(icon) && files[icon]?.contains("{{") == false
            ? files[icon] : nil
        var library = MustacheLibrary()
        _ = HTMLEscaping.registered
        var templateScopes: [String: TemplateScope?] = [:]
        for (path, text) in files where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            templateScopes[String(path.dropFirst("templates/".count).dropLast(".mustache".count))] =
                TemplateScope.scan(text)
        }
        self.templateScopes = templateScopes
        let deferrable = Self.deferrable(
            scopes: templateScopes,
            native: [
                "page": rendersPageNatively, "sidebar-items": sidebarItemsIcon != nil, "toc-items": rendersTOCNatively,
            ])
        var deferredTexts: [String: String] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key })
        where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            if deferrable.contains(name) {
                deferredTexts[name] = Self.escapingPragma + text
                continue
            }
            do {
                // Every template (partials too: each starts over with swift-mustache's own escaping)
                // escapes with `HTMLEscaping`. The pragma stands alone on a line before the
                // template's first, so it leaves no text; errors are reported one line up.
                try library.register(Self.escapingPragma + text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                let shown = overridden.contains(path) ? "\(displayRoot)/\(path)" : "themes/default/\(path) (built in)"
                throw .invalidTemplate(
                    SourceLocation(
                        path: shown, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                    "invalid template: \(error.error)")
            } catch {
                throw .invalidTemplate(
                    SourceLocation(path: "\(displayRoot)/\(path)", line: 1, column: 1), "invalid template: \(error)")
            }
        }
        // The table of contents appears twice on a doc page (beside the text and, on narrow
        // screens, above it): its items are rendered once, with the theme's own `toc-items`, into
        // `page.tocItemsHTML`, which both places show.
        let tocItemsText = Self.escapingPragma + "{{#page.toc}}{{> toc-items}}{{/page.toc}}"
        if deferrable.contains("toc-items") {
            deferredTexts[Self.tocItems] = tocItemsText
        } else {
            do {
                try library.register(tocItemsText, named: Self.tocItems)
            } catch {
                throw .invalidTemplate(
                    SourceLocation(path: displayRoot, line: 1, column: 1), "invalid template: \(error)")
            }
        }
        self.library = library
        deferred = DeferredTemplates(deferredTexts)
    }

    /// Which of the templates whose output the theme makes natively (`native`: name -> whether
    /// it does) can be left unparsed: those that no other template includes. Nothing is left
    /// out when a template's inclusions cannot be read (`TemplateScope`: changed delimiters,
    /// dynamic partials, inheritance), since one of them might include it.
    static func deferrable(scopes: [String: TemplateScope?], native: [String: Bool]) -> Set<String> {
        var candidates = Set(native.filter(\.value).keys)
        var included: [String: Set<String>] = [:]
        for (name, scope) in scopes {
            guard let scope else { return [] }
            included[name] = Set(scope.inclusions.map(\.name))
        }
        // A candidate included by a template that stays (or by one that stays later) stays too.
        var changed = true
        while changed {
            changed = false
            for (name, names) in included where !candidates.contains(name) {
                for kept in names.intersection(candidates) {
                    candidates.remove(kept)
                    changed = true
                }
            }
        }
        return candidates
    }

    /// The partials that show the same thing on every page of the default theme: the navbar, the
    /// footer and the drawer's header. `bound(to:versioned:)` renders each once per build.
    static let sitePartials = ["navbar", "footer", "sidebar-drawer"]

    /// This theme with the `sitePartials` that read nothing but `site` rendered once for the
    /// context's site and kept as text, so that pages do not run them again. A partial is kept as text only
    /// when the reading of the templates (`TemplateScope`) shows that the result is the same on
    /// every page: the partial and the partials it includes read only `site` (and `docsVersion`,
    /// nil on every page, when the site is not `versioned`), and every template on the way to it
    /// is the built-in one, including it at its top level, alone on a line at column 0 (so with
    /// the page's root as context and no indentation). Any other theme renders as before.
    public func bound(to context: PageContext, versioned: Bool) -> Theme {
        bound(to: context.siteView, versioned: versioned)
    }

    /// `bound(to:versioned:)` for the site `config` describes, before its page context exists:
    /// the partials it renders read only the site's settings (`SiteView`), so a build binds the
    /// theme on a thread of its own while the page context is made.
    public func bound(to config: SiteConfig, versioned: Bool) -> Theme {
        bound(to: SiteView(config: config), versioned: versioned)
    }

    /// `bound(to:versioned:)` with the site's template data.
    func bound(to site: SiteView, versioned: Bool) -> Theme {
        let scopes = templateScopes.compactMapValues { $0 }
        let unreadable = Set(templateScopes.filter { $0.value == nil }.keys)
        func isOverridden(_ name: String) -> Bool { overridden.contains("templates/\(name).mustache") }
        // Whether `name` and every partial below it read only `site`.
        func readsSiteOnly(_ name: String, seen: Set<String>) -> Bool {
            guard !seen.contains(name), let scope = scopes[name], scope.readsSiteOnly,
                !(versioned && scope.readsDocsVersion)
            else { return false }
            return scope.inclusions.allSatisfy { readsSiteOnly($0.name, seen: seen.union([name])) }
        }
        // Whether every way to `name` is built in and at the top level, up to a page template.
        func reachedAtTopLevel(_ name: String, seen: Set<String>) -> Bool {
            guard !seen.contains(name), unreadable.isEmpty else { return false }
            for (including, scope) in scopes {
                for inclusion in scope.inclusions where inclusion.name == name {
                    guard inclusion.topLevel, !isOverridden(including),
                        reachedAtTopLevel(including, seen: seen.union([name]))
                    else { return false }
                }
            }
            return true
        }
        var bound = self
        var library = library
        let root = TemplateRoot(site: site, page: TemplateScope.NoPage())
        for name in Self.sitePartials where readsSiteOnly(name, seen: []) && reachedAtTopLevel(name, seen: []) {
            guard let template = library.getTemplate(named: name) else { continue }
            let text = template.render(root as Any, library: self.library)
            // The text is kept as a template of other delimiters that it does not hold, so nothing
            // in it is read as a tag; the standalone delimiter line leaves no output of its own.
            guard !text.contains("\u{1}"),
                let literal = try? MustacheTemplate(string: "{{=\u{1}\u{2} \u{2}\u{1}=}}\n" + text)
            else { continue }
            library.register(literal, named: name)
            bound.siteTexts[name] = text
        }
        bound.library = library
        return bound
    }

    /// The templates `PageDocument.builtInHTML` stands for.
    static let nativePageFiles = ["page", "head", "breadcrumbs", "banners", "sidebar", "pagination", "toc"].map {
        "templates/\($0).mustache"
    }

    static let tocItemsFile = "templates/toc-items.mustache"
    static let sidebarItemsFile = "templates/sidebar-items.mustache"

    /// The internal template that renders a page's TOC items (see `init`).
    static let tocItems = "docket-toc-items"

    /// The line added before each template's text (see `init`).
    static let escapingPragma = "{{%CONTENT_TYPE: \(HTMLEscaping.name)}}\n"

    /// Renders the template `name` (`page`) with a doc page's data.
    public func render(_ name: String, page: PageDocument) throws(ThemeError) -> String {
        var view = page.page
        // Made only for a page that shows its table of contents (`hide_table_of_contents` off):
        // `page.tocItemsHTML` is empty otherwise, in custom templates too.
        if view.hasToc && !view.toc.isEmpty {
            view.tocItemsHTML =
                rendersTOCNatively
                ? TOCView.builtInHTML(view.toc)
                : try render(
                    Self.tocItems, TemplateRoot(site: page.site, page: view, docsVersion: page.docsVersion) as Any)
        }
        let root = TemplateRoot(site: page.site, page: view, docsVersion: page.docsVersion)
        if name == "page" && rendersPageNatively {
            var document = page
            document.page = view
            // A partial bound to the site is its text: running its literal template took about
            // 8,800 instructions, for three partials on every page.
            let texts = siteTexts
            return try document.builtInHTML { (partial: String) throws(ThemeError) in
                if let text = texts[partial] { return text }
                return try render(partial, root as Any)
            }
        }
        return try render(name, root as Any)
    }

    /// Renders the template `name` (`category`) with a generated-index or tag page's data.
    public func render(_ name: String, _ page: CardsPageDocument) throws(ThemeError) -> String {
        try render(name, TemplateRoot(site: page.site, page: page.page, docsVersion: page.docsVersion) as Any)
    }

    /// Renders the template `name` (`404`, `redirect`) with the data of a page without content.
    public func render(_ name: String, _ page: PlainPageDocument) throws(ThemeError) -> String {
        try render(name, TemplateRoot(site: page.site, page: page.page, target: page.target) as Any)
    }

    /// Renders `sidebar-items` for one item.
    func render(_ name: String, item: SidebarItemView) throws(ThemeError) -> String {
        if name == "sidebar-items", let icon = sidebarItemsIcon { return item.builtInHTML(icon: icon) }
        return try render(name, TemplateRef(item) as Any)
    }

    /// Renders the template `name` with any value swift-mustache reads. Internal: the build passes
    /// only the typed views above; tests use it to compare a view with the dictionary it replaced.
    func render(_ name: String, _ context: Any) throws(ThemeError) -> String {
        if let template = library.getTemplate(named: name) { return template.render(context, library: library) }
        guard deferred.texts[name] != nil else { throw .missingTemplate(name) }
        let library = deferred.adding(to: library)
        guard let template = library.getTemplate(named: name) else { throw .missingTemplate(name) }
        return template.render(context, library: library)
    }
}
