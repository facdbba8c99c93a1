import DocketDiagnostics
import DocketSite
import Foundation

/// Loads a small site folder in-process (the per-page stage and assembly, no rendering).
enum SiteFixture {
    static func load(_ root: URL, contentFolder: String = "docs") throws -> (Site, Diagnostics) {
        var config = SiteConfig()
        config.contentDirectory = contentFolder
        var diagnostics = Diagnostics()
        let configURL = root.appendingPathComponent("docket.yml")
        if let text = try? String(contentsOf: configURL, encoding: .utf8) {
            diagnostics.append(contentsOf: SiteConfigLoader.load(text, path: "docket.yml", into: &config))
        }
        let content = root.appendingPathComponent(contentFolder)
        let inventory = try ContentInventory.scan(content)
        var parsed: [ParsedPage] = []
        for source in inventory.pages {
            let text = try String(contentsOf: content.appendingPathComponent(source), encoding: .utf8)
            let page = PageParser.parse(text: text, source: source, displayPath: "\(contentFolder)/\(source)")
            diagnostics.append(contentsOf: page.diagnostics)
            parsed.append(page)
        }
        var categories: [String: CategoryMetadata] = [:]
        for file in inventory.categoryFiles {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            let (metadata, problems) = CategoryMetadata.parse(text, path: "\(contentFolder)/\(file)")
            diagnostics.append(contentsOf: problems)
            if let metadata { categories[file.split(separator: "/").dropLast().joined(separator: "/")] = metadata }
        }
        let site = SiteAssembler.assemble(parsed: parsed, categories: categories, config: config, staticFiles: [],
                                          contentFiles: inventory.otherFiles, contentDisplayPath: contentFolder)
        diagnostics.append(contentsOf: site.diagnostics)
        let resolver = LinkResolver(site: site)
        for page in site.pages { diagnostics.append(contentsOf: resolver.resolve(page).diagnostics) }
        return (site, diagnostics)
    }

    /// The `docket list --json` structure, as Foundation objects.
    static func listing(_ site: Site) -> [String: Any] {
        func item(_ entry: SidebarItem) -> [String: Any] {
            switch entry {
            case .doc(let doc): return ["type": "doc", "label": doc.label, "url": site.url(of: entry) ?? NSNull(), "id": doc.id]
            case .link(let label, let href): return ["type": "link", "label": label, "url": href]
            case .category(let c): return ["type": "category", "label": c.label, "url": site.url(of: entry) ?? NSNull(), "items": c.items.map(item)]
            }
        }
        return [
            "pages": site.pages.map { ["id": $0.id, "source": $0.source, "url": $0.permalink, "title": $0.title] },
            "sidebar": site.sidebar.map(item),
        ]
    }

    static func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
