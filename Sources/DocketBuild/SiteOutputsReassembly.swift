import DocketDiagnostics
import DocketRunbooks
import DocketSite
import DocketTheme
import Foundation

extension SiteOutputs {
    /// The site after pages `sources` (content-relative) were edited, added or removed, put
    /// together again from the pages kept in memory: only those pages are read and parsed,
    /// the rest of the load (config, categories, static files) is reused. Link resolutions of
    /// the other pages are reused too when no page moved, came or went. Nil when this cannot be
    /// done safely (the site had problems, a runbook page changed, a category file or something
    /// else than a page changed, a versioned site, whose other versions link to and list the
    /// pages of this one): the caller loads the whole site then. `texts`: what was read.
    public func reassembling(_ sources: Set<String>) -> (outputs: SiteOutputs, texts: [String: String])? {
        guard let categories, loaded.diagnostics.isEmpty, diagnostics.isEmpty, loaded.versions == nil,
            sources.allSatisfy(ContentInventory.isPage)
        else { return nil }
        // The site as loaded, with the pages edited since (kept aside, see `updating`) looked up
        // on the side: a copy of the site's arrays with them in place costs more than the rest.
        let loaded = self.loaded
        let edited = self.edited
        // The pages read again: parsed, or nil for a page that went.
        var reread: [String: ParsedPage?] = [:]
        var changedDiagnostics = Diagnostics()
        var texts: [String: String] = [:]
        for source in sources {
            guard runbooks.idBySource[source] == nil else { return nil }
            let file = loaded.content.appending(source)
            guard loaded.source.exists(file) else {
                reread[source] = .some(nil)
                continue
            }
            guard case .success(let text) = loaded.source.read(file) else { return nil }
            let parsed = PageParser.parse(text: text, source: source, displayPath: file.display)
            texts[source] = text
            let (runbook, problems) = RunbookExtractor.extract(parsed, sourceLabel: loaded.contentLabel + source)
            guard runbook == nil, problems.isEmpty else { return nil }
            // As the load does: `markdown.mdx.unknownComponents: warn` makes those warnings.
            changedDiagnostics.append(contentsOf: MDXSetting.applied(parsed.diagnostics, config: loaded.site.config))
            reread[source] = parsed
        }
        let old = loaded.site
        // The assembler sorts the pages by source; given them in the old site's order (already
        // sorted) with new pages at the end, it moves nothing. Pages are read by index and
        // copied once: `for page in pages` and a dictionary on the way copied each large value
        // twice more.
        var ordered: [ParsedPage] = []
        ordered.reserveCapacity(old.pages.count + sources.count)
        for index in old.pages.indices {
            let source = old.pages[index].parsed.source
            if let replaced = reread.removeValue(forKey: source) {
                if let parsed = replaced { ordered.append(parsed) }
            } else if let page = edited[source] {
                ordered.append(page.page.parsed)
            } else {
                ordered.append(old.pages[index].parsed)
            }
        }
        ordered += reread.values.compactMap { $0 }.sorted { codeUnitOrder($0.source, $1.source) }
        let site = BuildTimings.shared.measure("serve: assemble") {
            SiteAssembler.assemble(
                parsed: ordered, categories: categories, config: old.config, staticFiles: old.staticFiles,
                contentFiles: old.contentFiles, contentDisplayPath: loaded.content.display,
                reusing: old, changed: sources.union(edited.keys))
        }
        var diagnostics = changedDiagnostics
        diagnostics.append(contentsOf: site.diagnostics)

        // Pages that stay at the same URLs with the same anchors resolve every link as before,
        // except links that may name a page that came or went (by its file or URL name), and
        // links to a route that disappeared. The old site had no broken link to fix.
        var names = Set<String>()
        var goneRoutes = Set<String>()
        for source in sources where (old.pageIndexBySource[source] == nil) != (site.pageIndexBySource[source] == nil) {
            names.insert(((source as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased())
            if let index = old.pageIndexBySource[source] {
                let permalink = old.pages[index].permalink
                goneRoutes.insert(Site.routeKey(permalink))
                if let last = permalink.split(separator: "/").last { names.insert(String(last).lowercased()) }
            }
        }
        // Only pages parsed again can have new anchors or URLs (the assembler kept the others).
        let reparsed = sources.union(edited.keys)
        let stable =
            old.routes.subtracting(site.routes).isSubset(of: goneRoutes)
            && reparsed.allSatisfy { source in
                guard let before = old.pageIndexBySource[source], let after = site.pageIndexBySource[source] else {
                    return true
                }
                return old.pages[before].permalink == site.pages[after].permalink
                    && old.pages[before].parsed.anchors == site.pages[after].parsed.anchors
            }
        let resolver = LinkResolver(site: site)
        let previous = loaded.pages
        let named = names.map { (name: $0, bytes: Array($0.utf8)) }
        let index = resolvedIndex
        let resolved: [ResolvedPage] = BuildTimings.shared.measure("serve: resolve (reused: \(stable))") {
            Array(site.pages.indices).parallelMap { i in
                let source = site.pages[i].parsed.source
                if stable, !sources.contains(source), let at = index[source],
                    !site.pages[i].parsed.links.contains(where: { Self.mentions($0.destination, anyOf: named) })
                {
                    var kept = edited[source] ?? previous[at]
                    kept.page = site.pages[i]
                    return kept
                }
                return resolver.resolve(site.pages[i])
            }
        }
        for i in resolved.indices where !resolved[i].diagnostics.isEmpty {
            diagnostics.append(contentsOf: resolved[i].diagnostics)
        }
        guard !diagnostics.hasErrors else { return nil }
        var next = loaded
        next.site = site
        next.pages = resolved
        next.diagnostics = diagnostics
        let made = BuildTimings.shared.measure("serve: page context") {
            try? PageContext(site: site, theme: theme, runbooks: Self.pageRunbooks(site, runbooks), reusing: context)
        }
        guard let context = made else { return nil }
        let outputs = SiteOutputs(
            loaded: next, theme: theme, runbooks: runbooks, context: context, diagnostics: diagnostics)
        outputs.categories = categories
        return (outputs, texts)
    }

    /// Whether `text`, lowercased, contains one of `names` (lowercase, with their UTF-8): a byte
    /// scan folding ASCII letters, as every link of 10,000 pages is looked at after a page came
    /// or went (`lowercased()` and `contains` per link cost 100 ms there). Text or names
    /// beyond ASCII are lowercased and searched as before (a non-ASCII letter can lowercase to
    /// an ASCII one).
    static func mentions(_ text: String, anyOf names: [(name: String, bytes: [UInt8])]) -> Bool {
        func slow() -> Bool {
            let lower = text.lowercased()
            return names.contains { lower.contains($0.name) }
        }
        guard names.allSatisfy({ !$0.bytes.isEmpty && $0.bytes.allSatisfy { $0 < 0x80 } }) else { return slow() }
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            if bytes.contains(where: { $0 >= 0x80 }) { return nil }
            for entry in names where entry.bytes.count <= bytes.count {
                let needle = entry.bytes
                var start = 0
                while start <= bytes.count - needle.count {
                    var matched = 0
                    while matched < needle.count {
                        var byte = bytes[start + matched]
                        if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                        if byte != needle[matched] { break }
                        matched += 1
                    }
                    if matched == needle.count { return true }
                    start += 1
                }
            }
            return false
        }
        guard let found, let found else { return slow() }
        return found
    }

    /// The output files of the pages and category pages of every version but the primary one
    /// (relative to the output folder); empty for an unversioned site.
    public var otherVersionFiles: Set<String> {
        var files = Set<String>()
        for other in loaded.versions?.others ?? [] {
            let slash = other.site.config.trailingSlash
            for page in other.site.pages {
                if let file = URLPath.outputFile(for: page.permalink, trailingSlash: slash) { files.insert(file) }
            }
            for index in other.site.generatedIndexes {
                if let file = URLPath.outputFile(for: index.permalink, trailingSlash: slash) { files.insert(file) }
            }
        }
        return files
    }

    /// Writes every version but the primary one into `target` in place, as `docket build` writes
    /// them (pages, category and tag pages, sidebar and search data, content files): after a
    /// change that may touch them, which a versioned site takes in with a whole load. Returns
    /// the number of pages written; 0 for an unversioned site.
    public func writeOtherVersions(into target: URL) throws -> Int {
        guard loaded.versions != nil else { return 0 }
        let site = current
        let folder = OutputFolder(updating: target)
        _ = try folder.prepare()
        return try VersionedOutput.write(site, theme: theme, menu: VersionedOutput.menu(site), into: folder)
    }

    /// The category files of the content folder, as `SiteLoader` reads them (the first one of
    /// a folder wins). Nil when the folder cannot be read.
    static func readCategories(_ loaded: LoadedSite) -> [String: CategoryMetadata]? {
        let config = loaded.site.config
        let inventory = ContentInventory.scan(
            loaded.content, in: loaded.source, exclude: config.exclude, include: config.include)
        var categories: [String: CategoryMetadata] = [:]
        for file in inventory.categoryFiles {
            let folder = file.split(separator: "/").dropLast().joined(separator: "/")
            guard categories[folder] == nil,
                case .success(let text) = loaded.source.read(loaded.content.appending(file)),
                let metadata = CategoryMetadata.parse(text, path: loaded.content.display + "/" + file).0
            else { continue }
            categories[folder] = metadata
        }
        return categories
    }
}
