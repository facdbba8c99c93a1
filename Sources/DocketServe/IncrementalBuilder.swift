import DocketBuild
import DocketDiagnostics
import DocketSite
import DocketTheme
import Foundation

/// Rebuilds for `docket serve`, keeping the parsed, resolved site in memory.
///
/// An edit that stays inside existing pages (`SiteOutputs.updating`) re-parses and renders
/// only those pages; any other change loads the site again, reusing unchanged parsed pages
/// (`ParseCache`). Either way the pages the change touched are written before `build` returns,
/// and every other file whose content may have changed (search data, other pages after a
/// sidebar change, category pages…) is only marked: `materialize` writes one when it is
/// requested, `flush` writes all, and `startWriting` writes them in the background. Once all
/// are written the folder holds exactly what `docket build` writes.
public final class IncrementalBuilder: @unchecked Sendable {
    /// What one rebuild did.
    public struct Outcome: Sendable {
        public var result: BuildResult
        /// Files written before returning (the changed pages; the whole site on a full build).
        public var pagesRendered: Int
        /// The whole site was written (the first build).
        public var full: Bool
        /// Units left to write later.
        public var pending: Int
        public var kind: RebuildKind = .full
    }

    private let options: BuildOptions
    private let cache = ParseCache()
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var outputs: SiteOutputs?
    private var target: URL?
    private var dirty: Set<OutputUnit> = []
    private var queue: [OutputUnit] = []
    private var owners: [String: OutputUnit] = [:]
    /// The units `owners` was made for.
    private var ownedUnits: [OutputUnit] = []
    private var written: [OutputUnit: Set<String>] = [:]
    private var lastChange = Date.distantPast
    // Only touched by `build`, which runs on one thread at a time.
    private var structure: Int?
    /// The pages of the other versions of a versioned site, as last written.
    private var versionFiles: Set<String> = []

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The files and folders a change to which matters, as the last load resolved them
    /// (`WatchedPaths`).
    public var watchedPaths: [URL] {
        condition.lock()
        defer { condition.unlock() }
        guard let loaded = outputs?.loaded else { return WatchedPaths.beforeLoad(options) }
        return WatchedPaths.of(loaded)
    }

    /// Rebuilds after `changes` (absolute paths of changed files; nil: unknown, look at
    /// everything).
    public func build(changes: Set<String>? = nil) -> Outcome {
        if let changes, !needsLoad, let sources = contentSources(changes) {
            if var outcome = updatePages(sources) {
                outcome.kind = .pages
                return outcome
            }
            if var outcome = reassemble(sources) {
                outcome.kind = .reassembled
                return outcome
            }
        }
        // Until a load succeeds, later edits must load everything: they may come on top of
        // changes the failed build did not take in.
        needsLoad = true
        var trace = PhaseTrace()
        let loaded: LoadedSite
        do {
            loaded = try SiteLoader.load(options, cache: cache)
            trace.mark("load")
        } catch {
            return Outcome(result: SiteOutputs.failure(error.diagnostics), pagesRendered: 0, full: false, pending: 0)
        }
        let prepared = SiteOutputs.prepare(loaded, strict: options.strict)
        guard let next = prepared.outputs else {
            return Outcome(result: prepared.failure!, pagesRendered: 0, full: false, pending: 0)
        }
        trace.mark("prepare")
        let signature = Self.structure(of: loaded, theme: next.theme)
        trace.mark("structure")
        condition.lock()
        let previous = outputs
        let first = previous == nil
        condition.unlock()
        if first {
            let result = next.publishAll(force: options.force)
            guard result.succeeded else { return Outcome(result: result, pagesRendered: 0, full: true, pending: 0) }
            structure = signature
            lastTexts = cache.texts
            needsLoad = false
            versionFiles = next.otherVersionFiles
            install(next, dirty: [], produced: [], full: true)
            return Outcome(result: result, pagesRendered: result.pagesWritten, full: true, pending: 0)
        }
        // Pages whose text changed are written now: they are what the browser shows next.
        let oldSources = Set(previous!.loaded.pages.map(\.page.source))
        var changedPages = Set<OutputUnit>()
        let texts = cache.texts
        for page in loaded.pages
        where !oldSources.contains(page.page.source) || lastTexts[page.page.source] != texts[page.page.source] {
            changedPages.insert(.page(page.page.source))
        }
        lastTexts = texts
        needsLoad = false
        var outcome = finish(next, signature: signature, changedPages: changedPages, trace: &trace)
        outcome.kind = .loaded
        outcome.pagesRendered += rewriteOtherVersions(next)
        trace.mark("other versions")
        return outcome
    }

    /// The other versions of a versioned site, written again after a load (which any change
    /// to them takes, as does a change to the primary version that may alter their version
    /// menus): written before the reload is announced, and pages that went are removed.
    private func rewriteOtherVersions(_ next: SiteOutputs) -> Int {
        let files = next.otherVersionFiles
        guard next.loaded.versions != nil || !versionFiles.isEmpty else { return 0 }
        let target = next.loaded.output.url
        // `docket build` writes the primary's root redirect first and lets the other versions
        // replace it (the root leads to the last version): the same order here.
        condition.lock()
        if dirty.contains(.home), let files = try? next.files(of: .home) {
            store(.home, files)
            dirty.remove(.home)
        }
        condition.unlock()
        var count = 0
        do {
            count = try next.writeOtherVersions(into: target)
        } catch {
            FileHandle.standardError.write(Data("warning: \(error)\n".utf8))
        }
        for path in versionFiles.subtracting(files) { unlink(target.appendingPathComponent(path).path) }
        versionFiles = files
        return count
    }

    /// Makes `next` current after a load or a reassembly: the changed pages written now, and,
    /// when the structure changed (sidebar, URLs, titles, theme), every other file later.
    /// - Parameter moved: after a reassembly, the pages read again (only they can have a new URL).
    private func finish(
        _ next: SiteOutputs, signature: Int?, changedPages: Set<OutputUnit>, moved: Set<String>? = nil,
        trace: inout PhaseTrace
    ) -> Outcome {
        var lazy: Set<OutputUnit>
        if let signature, signature == structure {
            // Same sidebar, URLs, titles, theme: other pages are unchanged; site-wide files
            // (search, category cards, runbooks, assets) may not be.
            lazy = Set(next.units.filter { if case .page = $0 { return false } else { return true } })
        } else {
            lazy = Set(next.units)
        }
        structure = signature
        lazy.subtract(changedPages)
        trace.mark("compare")
        let produced = changedPages.compactMap { unit in (try? next.files(of: unit)).map { (unit, $0) } }
        trace.mark("render")
        install(next, dirty: lazy, produced: produced, full: false, moved: moved)
        trace.mark("install")
        let result = next.success(written: produced.count)
        return Outcome(result: result, pagesRendered: produced.count, full: false, pending: lazy.count)
    }

    /// Content-relative sources of the changes, when all are under the content folder.
    private func contentSources(_ changes: Set<String>) -> Set<String>? {
        condition.lock()
        let current = outputs
        condition.unlock()
        guard let current, !changes.isEmpty else { return nil }
        let content = current.loaded.content.url.standardizedFileURL.path + "/"
        var sources = Set<String>()
        for path in changes {
            guard path.hasPrefix(content) else { return nil }
            let source = String(path.dropFirst(content.count))
            // A file that came and went between two looks (the temp file of an editor's or
            // `sed -i`'s save, renamed over the page) changes nothing.
            if !ContentInventory.isPage(source), !current.loaded.site.contentFiles.contains(source),
                access(path, F_OK) != 0
            {
                continue
            }
            sources.insert(source)
        }
        return sources.isEmpty ? nil : sources
    }

    /// Pages edited, added or removed: the site put together again from memory.
    private func reassemble(_ sources: Set<String>) -> Outcome? {
        condition.lock()
        let current = outputs
        condition.unlock()
        var trace = PhaseTrace()
        guard let current, let (next, texts) = current.reassembling(sources) else { return nil }
        remember(texts, from: next)
        trace.mark("reassemble")
        trace.stages()
        // Pages came, went or changed their front matter or title (else `updatePages` took
        // them): take the structure as changed, every other file is rewritten in the background.
        let present = next.loaded.site.pageIndexBySource
        return finish(
            next, signature: nil, changedPages: Set(sources.filter { present[$0] != nil }.map(OutputUnit.page)),
            moved: sources, trace: &trace)
    }

    /// Pages read outside a load go into the cache too, so the next load sees them unchanged.
    private func remember(_ texts: [String: String], from outputs: SiteOutputs) {
        for (source, text) in texts {
            guard let parsed = outputs.parsedPage(source) else { continue }
            cache.store(source: source, text: text, page: parsed)
            lastTexts[source] = text
        }
    }

    private var lastTexts: [String: String] = [:]
    private var needsLoad = false

    /// The fast path: only existing pages changed, and only inside them.
    private func updatePages(_ sources: Set<String>) -> Outcome? {
        condition.lock()
        let current = outputs
        condition.unlock()
        guard let current else { return nil }
        var trace = PhaseTrace()
        guard let (next, changed, texts) = current.updating(sources) else { return nil }
        remember(texts, from: next)
        trace.mark("update")
        let now = changed.filter { if case .page = $0 { return true } else { return false } }
        var produced: [(OutputUnit, [(path: String, data: Data)])] = []
        for unit in now {
            guard let files = try? next.files(of: unit) else { return nil }
            produced.append((unit, files))
        }
        trace.mark("render")
        install(next, dirty: changed.subtracting(now), produced: produced, full: false, sameUnits: true)
        trace.mark("install")
        let result = next.success(written: produced.count)
        return Outcome(result: result, pagesRendered: produced.count, full: false, pending: changed.count - now.count)
    }

    /// Makes `next` current: writes the files made for it, marks `dirty` for later, and
    /// removes the files of units the site no longer has.
    private func install(
        _ next: SiteOutputs, dirty marked: Set<OutputUnit>, produced: [(OutputUnit, [(path: String, data: Data)])],
        full: Bool, sameUnits: Bool = false, moved: Set<String>? = nil
    ) {
        if sameUnits {
            // Same pages at the same URLs: the units and their paths stay.
            condition.lock()
            defer { condition.unlock() }
            outputs = next
            lastChange = Date()
            for (unit, files) in produced {
                store(unit, files)
                dirty.remove(unit)
            }
            dirty.formUnion(marked)
            queue += marked
            condition.broadcast()
            return
        }
        let units = next.units
        let owners = owners(of: next, units: units, moved: moved)
        condition.lock()
        defer { condition.unlock() }
        outputs = next
        target = next.loaded.output.url
        self.owners = owners
        ownedUnits = units
        lastChange = Date()
        if full {
            written = [:]
            dirty = []
            queue = []
            recordWrittenAfterFullBuild(next, units: units)
            return
        }
        let kept = Set(units)
        for (unit, paths) in written where !kept.contains(unit) {
            for path in paths { unlink(next.loaded.output.url.appendingPathComponent(path).path) }
            written[unit] = nil
        }
        dirty = dirty.intersection(kept).union(marked)
        for (unit, files) in produced {
            store(unit, files)
            dirty.remove(unit)
        }
        // Pages first, in site order, then the site-wide files.
        queue = units.filter { dirty.contains($0) }
        condition.broadcast()
    }

    /// The unit of every output path that has one. The same as before when `next` has the same
    /// units at the same URLs (a retitle, an edit that changed the front matter): working
    /// them out again for 10,000 pages costs more than the rest of a retitle's bookkeeping.
    /// After a reassembly (`moved`: the pages read again) the other pages kept their URLs (the
    /// assembler kept their placement): only the moved pages and the few units that are no
    /// page are worked out again (a new page made all 10,000 paths again).
    private func owners(of next: SiteOutputs, units: [OutputUnit], moved: Set<String>? = nil) -> [String: OutputUnit] {
        condition.lock()
        let previous = outputs, known = owners, knownUnits = ownedUnits
        condition.unlock()
        if let previous, knownUnits == units, Self.sameURLs(previous.loaded.site, next.loaded.site) { return known }
        if let previous, let moved, Self.sameBase(previous.loaded.site.config, next.loaded.site.config) {
            let present = next.loaded.site.pageIndexBySource
            var owners = known.filter { _, unit in
                guard case .page(let source) = unit else { return false }
                return present[source] != nil && !moved.contains(source)
            }
            // In unit order, as below, so a later unit claiming the same path still wins.
            for unit in units {
                if case .page(let source) = unit, !moved.contains(source) { continue }
                if let path = next.path(of: unit) { owners[path] = unit }
            }
            return owners
        }
        var owners: [String: OutputUnit] = [:]
        for unit in units { if let path = next.path(of: unit) { owners[path] = unit } }
        return owners
    }

    private static func sameBase(_ a: SiteConfig, _ b: SiteConfig) -> Bool {
        a.baseURL == b.baseURL && a.docsBaseURL == b.docsBaseURL && a.trailingSlash == b.trailingSlash
    }

    private static func sameURLs(_ a: Site, _ b: Site) -> Bool {
        sameBase(a.config, b.config)
            // By index: zipping the arrays would copy every Page of both sites.
            && a.pages.count == b.pages.count
            && a.pages.indices.allSatisfy { a.pages[$0].permalink == b.pages[$0].permalink }
            && a.generatedIndexes.map(\.permalink) == b.generatedIndexes.map(\.permalink)
    }

    /// After a full build nothing is known of which unit wrote which file: the known paths
    /// come from the units, the rest from the folder itself.
    private func recordWrittenAfterFullBuild(_ next: SiteOutputs, units: [OutputUnit]) {
        for unit in units { if let path = next.path(of: unit) { written[unit] = [path] } }
        // Listed with readdir (DiskSiteSource): FileManager's enumerator took 0.2 s on one core
        // for the 20,000 files and folders of a 10,000-page site, after its first build.
        let root = ResolvedPath(next.loaded.output.url.path, from: "/")
        for entry in DiskSiteSource().files(in: root, entering: { _ in true }) where entry.isFile {
            let path = entry.path
            // The other versions' sidebar and search data are rewritten with those versions,
            // never by the primary's theme assets.
            guard owners[path] == nil, !path.hasPrefix("assets/docket/versions/"), let group = next.group(holding: path)
            else { continue }
            written[group, default: []].insert(path)
        }
    }

    /// Writes a unit's files and removes the ones it wrote before and no longer does. Called
    /// with the lock held.
    private func store(_ unit: OutputUnit, _ files: [(path: String, data: Data)]) {
        guard let target else { return }
        do {
            try SiteOutputs.write(files, into: target)
        } catch {
            FileHandle.standardError.write(Data("warning: \(error)\n".utf8))
        }
        let paths = Set(files.map(\.path))
        for path in written[unit, default: []].subtracting(paths) { unlink(target.appendingPathComponent(path).path) }
        written[unit] = paths
    }

    /// Writes the file at `path` (relative to the output folder, as the server would read it)
    /// now if it is still to be written.
    public func materialize(_ path: String) {
        condition.lock()
        defer { condition.unlock() }
        guard let outputs, !dirty.isEmpty else { return }
        let unit = owners[path] ?? outputs.group(holding: path)
        guard let unit, dirty.contains(unit), let files = try? outputs.files(of: unit) else { return }
        store(unit, files)
        dirty.remove(unit)
    }

    /// Writes every file still to be written.
    public func flush() {
        while writeNext(waiting: false) {}
    }

    /// Writes pending files on a background thread, once changes have stopped for `quiet`
    /// seconds, so the work does not compete with the next edit.
    public func startWriting(quiet: TimeInterval = 1) {
        let thread = Thread { [self] in
            // Below the rebuilds and the server, which a person is waiting for: SCHED_IDLE runs
            // this thread only on a core nothing else wants (a retitle that starts while the
            // search data of 10,000 pages is being made no longer shares a core with it). Both
            // calls act on the calling thread alone on Linux; nice 19 where SCHED_IDLE is refused.
            var parameters = sched_param(sched_priority: 0)
            let schedIdle: Int32 = 5  // SCHED_IDLE of <sched.h>, hidden from Swift without _GNU_SOURCE
            if sched_setscheduler(0, schedIdle, &parameters) != 0 {
                setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            }
            while true {
                condition.lock()
                while queue.isEmpty { condition.wait() }
                let wait = quiet - Date().timeIntervalSince(lastChange)
                condition.unlock()
                if wait > 0 {
                    Thread.sleep(forTimeInterval: wait)
                    continue
                }
                _ = writeNext(waiting: true)
            }
        }
        thread.start()
    }

    /// Makes and writes the next pending unit, outside the lock (the search data takes a while);
    /// a result made from a site that changed meanwhile is thrown away. False when none is left.
    private func writeNext(waiting: Bool) -> Bool {
        condition.lock()
        while let first = queue.first, !dirty.contains(first) { queue.removeFirst() }
        guard let outputs, let unit = queue.first else {
            condition.unlock()
            return false
        }
        condition.unlock()
        let files = try? outputs.files(of: unit)
        condition.lock()
        defer { condition.unlock() }
        guard self.outputs === outputs, dirty.contains(unit) else { return true }
        if let files { store(unit, files) }
        dirty.remove(unit)
        if queue.first == unit { queue.removeFirst() }
        return true
    }

    /// Everything a page's HTML depends on besides the page itself: the sidebar, titles and
    /// URLs of every page, the theme, and on a versioned site the versions and their pages
    /// (the version menu of a page links to the same page in every version).
    static func structure(of loaded: LoadedSite, theme: Theme) -> Int {
        let site = loaded.site
        var hasher = Hasher()
        if let versions = loaded.versions {
            for version in versions.set.versions { hasher.combine(String(reflecting: version)) }
            for other in versions.others {
                for page in other.site.pages {
                    hasher.combine(page.id)
                    hasher.combine(page.permalink)
                }
            }
        }
        hasher.combine(SidebarJSONFile.render(site))
        hasher.combine(String(describing: site.config))
        for page in site.pages {
            hasher.combine(page.source)
            hasher.combine(page.id)
            hasher.combine(page.permalink)
            hasher.combine(page.title)
            hasher.combine(page.sidebarLabel)
            hasher.combine(page.frontMatter.paginationLabel)
            hasher.combine(page.frontMatter.unlisted)
            let nav = site.navigation[page.id]
            hasher.combine(nav?.previous?.url)
            hasher.combine(nav?.previous?.label)
            hasher.combine(nav?.next?.url)
            hasher.combine(nav?.next?.label)
        }
        for index in site.generatedIndexes {
            hasher.combine(index.permalink)
            hasher.combine(index.title)
        }
        for (path, text) in theme.files.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            hasher.combine(text)
        }
        return hasher.finalize()
    }
}
