import DocketMarkdown
import DocketSite
import DocketYAML

/// The parsers under test, each run the way the build runs it, through to rendered HTML.
enum FuzzTargets {
    /// A page: front matter, Markdown, heading ids, checks, then the HTML and the TOC.
    static func page(_ text: String) {
        let parsed = PageParser.parse(text: text, source: "fuzz.md", displayPath: "docs/fuzz.md")
        let renderer = HTMLRenderer()
        let html = renderer.render(document: parsed.document, contentTitleIndex: parsed.document.contentTitleIndex)
        let fm = parsed.frontMatter
        let toc = TOCItem.tree(parsed.toc, minLevel: fm.tocMinLevel ?? 2, maxLevel: fm.tocMaxLevel ?? 3)
        for entry in parsed.toc { _ = renderer.render(inlines: entry.title, plainLinks: true) }
        blackHole(html.utf8.count + toc.count + parsed.diagnostics.all.count)
    }

    /// A `_category_.yml` (or `.json`: YAML reads both).
    static func category(_ text: String) {
        let (metadata, diagnostics) = CategoryMetadata.parse(text, path: "docs/_category_.yml")
        blackHole((metadata?.label?.count ?? 0) + diagnostics.all.count)
    }

    /// A `docket.yml`, with its explicit sidebar.
    static func config(_ text: String) {
        var config = SiteConfig()
        let diagnostics = SiteConfigLoader.load(text, path: "docket.yml", into: &config)
        blackHole(diagnostics.all.count + (config.sidebar?.count ?? 0))
    }

    /// A `fixture.yml`: its loader lives with the sandbox (not built here), so this parses the
    /// YAML the same way and reads every scalar with the same checked readers it uses.
    static func fixture(_ text: String) {
        guard let root = try? YAMLParser.parse(text) else { return }
        var reader = YAMLFieldReader(path: "fixture.yml")
        var pending = [root]
        while let node = pending.popLast() {
            switch node.value {
            case .scalar:
                _ = reader.string(node, "value")
                _ = reader.number(node, "timeout")
                _ = reader.integer(node, "status", in: 100...599)
                _ = reader.stringList(node, "hosts")
            case .sequence(let items):
                pending += items
            case .mapping(let pairs):
                for pair in pairs { pending += [pair.key, pair.value] }
            }
        }
        blackHole(reader.diagnostics.all.count)
    }

    @inline(never)
    static func blackHole(_ value: Int) {
        if value == -1 { print(value) }
    }
}
