import DocketDiagnostics
import DocketSite
import Foundation

/// Loads a small site in-process with the real pipeline (`SitePipeline`, no rendering): from a
/// folder on disk, shown from the site root as `docket` run there shows it (`docs/a.md`), or
/// from files held in memory.
enum SiteFixture {
    /// The site folder `root` (holding docket.yml and docs/).
    static func load(_ root: URL) throws(SiteLoadFailure) -> (Site, Diagnostics) {
        try load(SitePipeline(source: DiskSiteSource(), root: ResolvedPath(".", from: root.path)))
    }

    /// A site of `files` (relative path → text: `docs/a.md`, `docket.yml`) held in memory.
    static func load(files: [String: String]) throws(SiteLoadFailure) -> (Site, Diagnostics) {
        try load(memory(files))
    }

    /// Every problem of loading `files` (as `load(files:)`), whether or not the load got as far
    /// as a site: an error in docket.yml stops it after the pages are read.
    static func problems(files: [String: String]) -> Diagnostics {
        do {
            return try load(memory(files)).1
        } catch {
            return error.diagnostics
        }
    }

    private static func memory(_ files: [String: String]) -> SitePipeline {
        SitePipeline(source: MemorySiteSource(root: "/site", files: files), root: ResolvedPath(".", from: "/site"))
    }

    private static func load(_ pipeline: SitePipeline) throws(SiteLoadFailure) -> (Site, Diagnostics) {
        let load = try pipeline.load()
        return (load.site, load.diagnostics)
    }

    /// The `docket list --json` structure (`SiteListing.document`), as Foundation objects.
    static func listing(_ site: Site) throws -> [String: Any] {
        let data = try JSONEncoder().encode(SiteListing.document(site))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func json(_ value: Any) -> String {
        let data =
            (try? JSONSerialization.data(
                withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
