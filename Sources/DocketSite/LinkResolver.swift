import DocketDiagnostics
import DocketMarkdown

/// Resolves every link of a page the Docusaurus way (compat §3.4) and reports broken links and
/// anchors where they are written. Reads the assembled site; runs per page, in parallel.
public struct LinkResolver: Sendable {
    public let site: Site
    /// `docket.yml`'s content folder without empty segments (`docs`), worked out once.
    private let contentFolder: String

    public init(site: Site) {
        self.site = site
        contentFolder = site.config.contentDirectory.split(separator: "/").joined(separator: "/")
    }

    /// The URL prefix of copied content assets (`/assets/content/`).
    public var assetsBaseURL: String { URLPath.join([site.config.baseURL, site.config.contentAssetsFolder]) }

    /// Checks every link of the page where it is written (diagnostics, assets) and works out the
    /// site URL of each: `ResolvedPage.linkURLs`, which the renderer looks links up in. The
    /// links come from `ParsedPage.links`, gathered when the page was parsed, so the tree is not
    /// walked again, and no rewritten copy of it is ever made.
    public func resolve(_ page: Page) -> ResolvedPage {
        var diagnostics = Diagnostics()
        var assets = Set<String>()
        var unchecked = 0
        var urls: [(destination: String, url: String)] = []
        let pageDirectory = directory(of: page.source)
        // A destination resolved without a diagnostic resolves the same way every time on this
        // page: it is not worked out again (its URL is in the table already). One
        // that was reported is resolved again, so each occurrence is reported where it is written.
        var quiet: [String: Bool] = [:]  // destination → whether it was left unchecked
        // Room for every link at once: grown as links were added, the table was rehashed several
        // times a page (4.5% of link resolution's samples).
        quiet.reserveCapacity(page.parsed.links.count)
        // A destination is given its URL once (the renderer's lookup is by destination).
        var tabled = Set<String>()
        for link in page.parsed.links {
            if let wasUnchecked = quiet[link.destination] {
                if wasUnchecked { unchecked += 1 }
                continue
            }
            let (reported, uncheckedBefore) = (diagnostics.all.count, unchecked)
            let url = resolve(
                link.destination, isImage: link.isImage, in: page, directory: pageDirectory, range: link.range,
                diagnostics: &diagnostics, assets: &assets, uncheckedLinks: &unchecked)
            let wasReported = diagnostics.all.count != reported
            if !wasReported {
                quiet[link.destination] = unchecked != uncheckedBefore
            }
            // The URL depends on the destination and the page only, so one entry serves every
            // link written with that destination. One that was not reported is never resolved
            // again (`quiet`), so only a reported one needs the set to be tabled once.
            if url != link.destination, !wasReported || tabled.insert(link.destination).inserted {
                urls.append((link.destination, url))
            }
        }
        if page.parsed.components.contains(.docCardList) {
            checkDocCardLists(on: page, diagnostics: &diagnostics)
        }
        return ResolvedPage(
            page: page, urlTable: LinkURLTable(urls), assets: assets, diagnostics: diagnostics,
            uncheckedLinks: unchecked)
    }

    /// `<DocCardList/>` lists the items of the sidebar category whose index page this is
    /// (Docusaurus's `useCurrentSidebarCategory()`, in the sidebar the page displays). On any
    /// other page it would render nothing: said where it is written, never silently.
    private func checkDocCardLists(on page: Page, diagnostics: inout Diagnostics) {
        let items = site.sidebars.isEmpty ? site.sidebar : site.sidebarItems(for: page.id)
        func isIndex(_ items: [SidebarItem]) -> Bool {
            items.contains { item in
                guard case .category(let category) = item else { return false }
                if case .doc(let id)? = category.link, id == page.id { return true }
                return isIndex(category.items)
            }
        }
        guard !isIndex(items) else { return }
        var lists = DocCardLists()
        page.parsed.document.walk(with: &lists)
        for element in lists.found {
            diagnostics.warning(
                at: SourceLocation(path: page.parsed.displayPath, line: element.line, column: element.column),
                "<DocCardList/> shows the items of the sidebar category whose index page this is, but '\(page.id)' is no category's index page in the sidebar it shows: it renders nothing (Docusaurus fails the build here); link the page from a category, or list the cards by hand"
            )
        }
    }

    private func resolve(
        _ destination: String, isImage: Bool, in page: Page, directory pageDirectory: String, range: SourceRange,
        diagnostics: inout Diagnostics, assets: inout Set<String>, uncheckedLinks: inout Int
    ) -> String {
        let location = SourceLocation(path: page.parsed.displayPath, line: range.startLine, column: range.startColumn)
        if destination.isEmpty || URLPath.isExternal(destination) { return destination }
        if destination.hasPrefix("#") {
            checkAnchor(
                String(destination.dropFirst()), anchors: page.parsed.anchors, of: page.parsed.displayPath,
                link: destination, at: location,
                diagnostics: &diagnostics)
            return destination
        }
        let (rawPath, suffix) = URLPath.splitSuffix(destination)
        let path = URLPath.decode(rawPath)

        if Self.isMarkdownFile(path) {
            // Most links name a file beside the page (`b.md`, `sub/c.md`): its first candidate is
            // the page's folder and the path, as they are when they need no normalizing. Looked
            // up first, without the candidate list (two strings and an array a link).
            if let first = Self.firstPlainCandidate(path, directory: pageDirectory),
                let index = site.pageIndexBySource[first]
            {
                return markdownURL(
                    of: index, suffix: suffix, link: destination, at: location, diagnostics: &diagnostics)
            }
            for candidate in markdownCandidates(path, directory: pageDirectory) {
                if let index = site.pageIndexBySource[candidate] {
                    return markdownURL(
                        of: index, suffix: suffix, link: destination, at: location, diagnostics: &diagnostics)
                }
            }
            report(
                brokenLink: destination, at: location,
                "no page at \(markdownCandidates(path, directory: pageDirectory).first ?? path) in the content folder",
                diagnostics: &diagnostics)
            return destination
        }

        // A file of the content folder (an image next to the page, a download).
        if !path.hasPrefix("/") {
            let candidate = Self.normalize(pageDirectory + path)
            if let candidate, site.contentFiles.contains(candidate) {
                assets.insert(candidate)
                return URLPath.encode(assetsBaseURL + candidate) + suffix
            }
        }

        // A URL path: resolved against the page's URL, then looked up among routes and static files.
        var absolute = path.hasPrefix("/") ? path : URLPath.resolve(path, from: page.permalink)
        if path.hasPrefix("/") && site.config.baseURL != "/" && !absolute.hasPrefix(site.config.baseURL) {
            absolute = URLPath.join([site.config.baseURL, absolute])
        }
        let key = Site.routeKey(absolute)
        if site.routes.contains(key) {
            if let fragment = URLPath.fragment(suffix), let target = site.pageIndexByRoute[key] {
                checkAnchor(
                    fragment, anchors: site.pages[target].parsed.anchors, of: site.pages[target].parsed.displayPath,
                    link: destination, at: location, diagnostics: &diagnostics)
            }
            // Links to pages take the site's trailing-slash form (Docusaurus's <Link>); files keep theirs.
            if site.config.trailingSlash != nil,
                site.pageIndexByRoute[key] != nil
                    || site.generatedIndexes.contains(where: { Site.routeKey($0.permalink) == key })
            {
                absolute = URLPath.applyTrailingSlash(absolute, site.config.trailingSlash, baseURL: site.config.baseURL)
            }
            return URLPath.encode(absolute) + suffix
        }
        if site.config.isExternalPath(absolute) {
            // Served by another program (externalPaths): left as written, not checked.
            uncheckedLinks += 1
            return URLPath.encode(absolute) + suffix
        }
        report(
            brokenLink: destination, at: location,
            isImage ? "no such file (resolved as \(absolute))" : "no page or file is served at \(absolute)",
            diagnostics: &diagnostics)
        return destination
    }

    /// The URL of a Markdown link to the page at `index`, its anchor (if any) checked.
    private func markdownURL(
        of index: Int, suffix: String, link: String, at location: SourceLocation, diagnostics: inout Diagnostics
    ) -> String {
        // Read in place: a copy of the page retained each of its many parts, per link.
        if let fragment = URLPath.fragment(suffix) {
            checkAnchor(
                fragment, anchors: site.pages[index].parsed.anchors, of: site.pages[index].parsed.displayPath,
                link: link, at: location, diagnostics: &diagnostics)
        }
        return String.joining(URLPath.encode(site.pages[index].permalink), suffix)
    }

    /// The first of `markdownCandidates` when it is the page's folder joined to a path that needs
    /// no normalizing (no `.` or `/` leads the path, and the joined path is normal); nil
    /// otherwise, and then the full reading runs.
    static func firstPlainCandidate(_ path: String, directory: String) -> String? {
        guard let first = path.utf8.first, first != UInt8(ascii: "."), first != UInt8(ascii: "/") else { return nil }
        let joined = String.joining(directory, path)
        return isNormal(joined) ? joined : nil
    }

    /// Where Docusaurus looks for a Markdown link target, as content-relative paths, in order.
    func markdownCandidates(_ path: String, from source: String) -> [String] {
        markdownCandidates(path, directory: directory(of: source))
    }

    /// `markdownCandidates(_:from:)` with the page's folder (`guides/`) worked out.
    private func markdownCandidates(_ path: String, directory dir: String) -> [String] {
        var raw: [String]
        if path.hasPrefix("./") || path.hasPrefix("../") {
            // Normalized once: the same path decides whether the folder-leaving form applies.
            guard let inside = Self.normalize(dir + path) else {
                // Docusaurus resolves the file on disk, so `../docs/b.md` from `docs/a.md` leaves
                // the content folder and comes back into it: the same file as `./b.md`.
                let content = contentFolder
                if !content.isEmpty, let onDisk = Self.normalize(content + "/" + dir + path),
                    onDisk.hasPrefix(content + "/")
                {
                    return [String(onDisk.dropFirst(content.count + 1))].compactMap(Self.normalize)
                }
                return []
            }
            return [inside]
        } else if path.hasPrefix("/") {
            raw = [String(path.dropFirst())]
            let contentPrefix = contentFolder + "/"
            if path.dropFirst().hasPrefix(contentPrefix) { raw.append(String(path.dropFirst(1 + contentPrefix.count))) }
        } else {
            raw = [dir + path, path]
        }
        return raw.compactMap(Self.normalize)
    }

    private func directory(of source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return "" }
        return String(source[...slash])
    }

    /// True for a path ending in `.md` or `.mdx`, in any case. Read from the last bytes: no
    /// Character other than `.`, `m`, `d` and `x` (in either case) lowercases to them, so only
    /// what joins the `.` from before it (a non-ASCII Character, such as a prepended mark) can
    /// make the Character reading differ, and that case is read as Characters.
    static func isMarkdownFile(_ path: String) -> Bool {
        path.withUTF8Bytes { isMarkdownFile(path, bytes: $0) }
    }

    /// `isMarkdownFile`, given the path's UTF-8 bytes.
    private static func isMarkdownFile(_ path: String, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        func byte(_ fromEnd: Int) -> UInt8 { bytes[bytes.endIndex - fromEnd] }
        func lowered(_ byte: UInt8) -> UInt8 { byte | 0x20 }
        let dot: Int
        if count >= 3, byte(3) == UInt8(ascii: "."), lowered(byte(2)) == UInt8(ascii: "m"),
            lowered(byte(1)) == UInt8(ascii: "d")
        {
            dot = 3
        } else if count >= 4, byte(4) == UInt8(ascii: "."), lowered(byte(3)) == UInt8(ascii: "m"),
            lowered(byte(2)) == UInt8(ascii: "d"), lowered(byte(1)) == UInt8(ascii: "x")
        {
            dot = 4
        } else {
            return false
        }
        guard count > dot, byte(dot + 1) >= 0x80 else { return true }
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".mdx")
    }

    /// Resolves `.` and `..` in a content-relative path; nil when it climbs out of the folder.
    static func normalize(_ path: String) -> String? {
        // Most paths have nothing to resolve: no empty segment, no `.` or `..` one. Bytes say so
        // (a Character segment is never `.` or empty unless its bytes are), and the path is
        // then its own normal form.
        if isNormal(path) { return path }
        // Read through the contiguous bytes where the text has them: the UTF-8 view's iterator
        // cost several times as much for every relative link of every page.
        let isASCII =
            path.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 < 0x80 } }
            ?? path.utf8.allSatisfy { $0 < 0x80 }
        if isASCII { return normalizeASCII(path) }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// `normalize` for an ASCII path, where every byte is a Character: segments are found and
    /// dropped as byte ranges, and the result is built once.
    private static func normalizeASCII(_ path: String) -> String? {
        let bytes = Array(path.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        // Where each kept segment begins in `out`, its separating `/` included.
        var kept: [Int] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "/") { end += 1 }
            let length = end - start
            if length == 0 || (length == 1 && bytes[start] == UInt8(ascii: ".")) {
                // An empty or `.` segment: nothing to keep.
            } else if length == 2 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".") {
                guard let last = kept.popLast() else { return nil }
                out.removeSubrange(last...)
            } else {
                kept.append(out.count)
                if !out.isEmpty { out.append(UInt8(ascii: "/")) }
                out.append(contentsOf: bytes[start..<end])
            }
            start = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `normalize` would return `path` as it is: it neither starts nor ends with `/`,
    /// holds no `//`, and no segment is `.` or `..`.
    static func isNormal(_ path: String) -> Bool {
        path.withUTF8Bytes(isNormal(bytes:))
    }

    /// `isNormal`, given the path's UTF-8 bytes (in the string's buffer, a loop over them is a few
    /// instructions a byte; over a `String.UTF8View`, a few dozen).
    private static func isNormal(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var segmentLength = 0
        var dots = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                if segmentLength == 0 || segmentLength == dots && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength > 0 && !(segmentLength == dots && dots <= 2)
    }

    /// Checks `anchor` against `anchors`, the anchors of the page at `path`. The page's parts are
    /// passed, not the page: a `Page` passed by value is copied, each of its many parts retained,
    /// per link.
    private func checkAnchor(
        _ anchor: String, anchors: Set<String>, of path: String, link: String, at location: SourceLocation,
        diagnostics: inout Diagnostics
    ) {
        let decoded = URLPath.decode(anchor)
        guard !decoded.isEmpty, !anchors.contains(decoded) else { return }
        let message = "broken anchor in link '\(link)': \(path) has no heading with the id '\(decoded)'"
        switch site.config.onBrokenAnchors {
        case .error: diagnostics.error(at: location, message)
        case .warn: diagnostics.warning(at: location, message)
        case .ignore: break
        }
    }

    private func report(
        brokenLink link: String, at location: SourceLocation, _ detail: String, diagnostics: inout Diagnostics
    ) {
        let message = "broken link '\(link)': \(detail)"
        switch site.config.onBrokenLinks {
        case .error: diagnostics.error(at: location, message)
        case .warn: diagnostics.warning(at: location, message)
        case .ignore: break
        }
    }
}
