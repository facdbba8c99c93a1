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
    public static func load(_ options: BuildOptions, cache: (any ParsedPageStore)? = nil) throws(Failure) -> LoadedSite {
        let source = DiskSiteSource(lastUpdates: { GitLastUpdates.read(content: $0) })
        let root = CurrentDirectory.resolve(options.root ?? ".")
        var pipeline = SitePipeline(source: source, root: root)
        pipeline.content = options.content.map(CurrentDirectory.resolve)
        pipeline.staticFolder = options.staticDirectory.map(CurrentDirectory.resolve)
        pipeline.baseURL = options.baseURL
        pipeline.brokenLinks = options.brokenLinks
        pipeline.includeDrafts = options.includeDrafts
        pipeline.cache = cache
        pipeline.timer = BuildTimings.shared
        let load = try pipeline.load()
        let output = options.output.map(CurrentDirectory.resolve)
            ?? ResolvedPath(load.site.config.outputDirectory, relativeTo: root)
        return LoadedSite(root: root, content: load.content, staticFolder: load.staticFolder, output: output,
                          site: load.site, pages: load.pages, diagnostics: load.diagnostics, versions: load.versions,
                          source: source)
    }
}
