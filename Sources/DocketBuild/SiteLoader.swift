import DocketSite
import Foundation

/// The edge of the load: resolves the command line's paths from the current directory, reads
/// the site from disk (`DiskSiteSource`, git for last-update times), runs `SitePipeline` and
/// adds the output folder. Everything between reading and the loaded site is the pipeline's.
public enum SiteLoader {
    /// Why loading stopped before a site existed.
    public typealias Failure = SiteLoadFailure

    /// - Parameter cache: pages parsed by an earlier load (`docket serve`), reused when their
    ///   text is unchanged.
    ///
    /// With `prerendersBodies` each page's body is rendered as it is parsed and its tree dropped
    /// (`SitePipeline.prerendersBodies`): for a build, which reads nothing else of the trees.
    ///
    /// `configured` is told the site's settings, its root and the source the site is read from as
    /// soon as docket.yml is read (see `SitePipeline.configured`).
    public static func load(
        _ options: BuildOptions, cache: (any ParsedPageStore)? = nil, prerendersBodies: Bool = false,
        configured: (@Sendable (SiteConfig, ResolvedPath, any SiteSource) -> Void)? = nil
    ) throws(Failure) -> LoadedSite {
        let source = DiskSiteSource(lastUpdates: { GitLastUpdates.read(content: $0) })
        let root = CurrentDirectory.resolve(options.root ?? ".")
        var pipeline = SitePipeline(source: source, root: root)
        pipeline.content = options.content.map(CurrentDirectory.resolve)
        pipeline.staticFolder = options.staticDirectory.map(CurrentDirectory.resolve)
        pipeline.baseURL = options.baseURL
        pipeline.brokenLinks = options.brokenLinks
        pipeline.includeDrafts = options.includeDrafts
        pipeline.cache = cache
        pipeline.prerendersBodies = prerendersBodies
        pipeline.timer = BuildTimings.shared
        pipeline.pagesFound = options.pagesFound
        if let configured { pipeline.configured = { configured($0, root, source) } }
        let load = try pipeline.load()
        let output =
            options.output.map(CurrentDirectory.resolve)
            ?? ResolvedPath(load.site.config.outputDirectory, relativeTo: root)
        return LoadedSite(
            root: root, content: load.content, staticFolder: load.staticFolder, output: output,
            site: load.site, pages: load.pages, diagnostics: load.diagnostics, versions: load.versions,
            source: source)
    }

    /// The site's folders before any load succeeded (`docket serve` watches them, so the fix
    /// of what stopped the first build is noticed): the root and `--content`/`--static` from
    /// the current directory, and docket.yml read through a `DiskSiteSource` as a load reads
    /// it (its problems are the load's to report).
    public static func folders(_ options: BuildOptions) -> (
        root: ResolvedPath, content: ResolvedPath?, staticFolder: ResolvedPath?, config: SiteConfig
    ) {
        let root = CurrentDirectory.resolve(options.root ?? ".")
        var config = SiteConfig()
        let file = ResolvedPath(SiteConfigLoader.fileName, relativeTo: root)
        if case .success(let text) = DiskSiteSource().read(file) {
            _ = SiteConfigLoader.load(text, path: file.display, into: &config)
        }
        return (
            root, options.content.map(CurrentDirectory.resolve), options.staticDirectory.map(CurrentDirectory.resolve),
            config
        )
    }
}
