import DocketBuild
import DocketSite
import Foundation

/// The files and folders whose changes `docket serve` rebuilds for, as the site resolves them:
/// the content and static folders (docket.yml's `content:`/`static:` or the command's options),
/// docket.yml, the theme folder (`theme:`), versions.json and every version's folder and sidebar
/// file. Never names guessed by convention alone: a site that keeps its pages in `pages/` or its
/// theme in `look/` is watched there.
enum WatchedPaths {
    /// The paths of a loaded site.
    static func of(_ loaded: LoadedSite) -> [URL] {
        let root = loaded.root.url
        var paths = [
            loaded.content.url, loaded.staticFolder.url, root.appendingPathComponent(SiteConfigLoader.fileName),
            theme(loaded.site.config.themeName, root: root), root.appendingPathComponent(VersionsFile.fileName),
        ]
        if let versions = loaded.versions {
            paths += versions.others.map(\.content.url)
            paths += versions.set.versions.compactMap(\.sidebarFile).map { root.appendingPathComponent($0) }
        }
        return unique(paths)
    }

    /// Before any load succeeded: what docket.yml names when it can be read, else the default
    /// folders, so fixing the problem that stopped the first build is noticed. The paths and
    /// docket.yml come from the load's edge (`SiteLoader.folders`), as a load would find them.
    static func beforeLoad(_ options: BuildOptions) -> [URL] {
        let (siteRoot, content, staticFolder, config) = SiteLoader.folders(options)
        let root = siteRoot.url
        func folder(_ given: ResolvedPath?, _ named: String) -> URL {
            given?.url ?? ResolvedPath(named, relativeTo: siteRoot).url
        }
        var paths = [
            folder(content, config.contentDirectory), folder(staticFolder, config.staticDirectory),
            root.appendingPathComponent(SiteConfigLoader.fileName), theme(config.themeName, root: root),
            root.appendingPathComponent(VersionsFile.fileName),
        ]
        // Without `content:`, a site with docs/ and no content/ is read from docs/.
        if content == nil, !config.contentDirectoryIsExplicit { paths.append(root.appendingPathComponent("docs")) }
        return unique(paths)
    }

    /// The theme's folder as `Theme.load` finds it; for a plain name the whole themes/ folder,
    /// so a theme folder created while serving is seen.
    private static func theme(_ name: String, root: URL) -> URL {
        if name.hasPrefix("/") { return URL(fileURLWithPath: name) }
        return name.contains("/") ? root.appendingPathComponent(name) : root.appendingPathComponent("themes")
    }

    private static func unique(_ paths: [URL]) -> [URL] {
        var seen = Set<String>()
        return paths.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }
    }
}
