import DocketDiagnostics

/// Docusaurus's rules for a doc's id, slug and permalink (compat §3.1–3.2).
enum DocIdentity {
    /// `parsed` is moved into the page (a copy retained each of its parts).
    static func place(_ parsed: consuming ParsedPage, config: SiteConfig) -> (Page?, [Diagnostic]) {
        let fm = parsed.frontMatter
        let parse = fm.parseNumberPrefixes
        // Split on the `/` byte: Characters cost more than the rest of placing the page.
        let components = parsed.source.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        let fileName = components.last ?? parsed.source
        let directory = components.dropLast().joined(separator: "/")
        let sourceDirectory = directory.isEmpty ? "." : directory
        let stem = String(fileName[..<(fileName.lastIndex(of: ".") ?? fileName.endIndex)])
        let prefix = parse ? NumberPrefix(parsing: stem) : NumberPrefix(name: stem, position: nil)
        let baseID = fm.id ?? prefix.name
        let dirPrefix =
            sourceDirectory == "."
            ? nil : (parse ? NumberPrefix.strippingSegments(of: sourceDirectory) : sourceDirectory)
        let id = dirPrefix.map { "\($0)/\(baseID)" } ?? baseID

        let lowerStem = stem.lowercased()
        let isIndex =
            lowerStem == "index" || lowerStem == "readme"
            || (sourceDirectory != "." && lowerStem == components[components.count - 2].lowercased())

        let dirSlug = dirPrefix.map { "/\($0)/" } ?? "/"
        let slug: String
        if let s = fm.slug, s.hasPrefix("/") {
            slug = s
        } else if fm.slug == nil && isIndex {
            slug = dirSlug
        } else {
            slug = URLPath.resolve(fm.slug ?? baseID, from: dirSlug)
        }
        let permalink = URLPath.applyTrailingSlash(
            URLPath.join([config.docsBaseURL, slug]), config.trailingSlash, baseURL: config.baseURL)
        var diagnostics: [Diagnostic] = []
        if URLPath.outputFile(for: permalink, trailingSlash: config.trailingSlash) == nil
            || slug.utf8.contains(UInt8(ascii: "\\"))
        {
            let at =
                fm.locations["slug"] ?? fm.locations["id"]
                ?? SourceLocation(path: parsed.displayPath, line: 1, column: 1)
            diagnostics.append(
                .error(at: at, "the URL '\(permalink)' of this page would place a file outside the output folder"))
            return (nil, diagnostics)
        }
        let title = fm.title ?? parsed.contentTitle ?? baseID
        let page = Page(
            parsed: parsed, id: id, sourceDirectory: sourceDirectory, fileName: fileName,
            slug: slug, permalink: permalink, title: title,
            sidebarPosition: fm.sidebarPosition ?? prefix.position.map(Double.init),
            isIndexByName: isIndex)
        return (page, diagnostics)
    }
}

extension NumberPrefix {
    init(name: String, position: Int?) {
        self.init(parsing: "")
        self.name = name
        self.position = position
    }
}
