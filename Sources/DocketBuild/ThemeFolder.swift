import DocketSite
import DocketTheme
import Foundation

/// The theme of a loaded site, its folder read through the site's source: docket.yml's `theme:`
/// names a folder under `themes/`, or, when the name holds a `/`, a folder path (relative to
/// the site root, or absolute). DocketTheme only puts the files together.
enum ThemeFolder {
    static func load(for loaded: LoadedSite) throws(ThemeError) -> Theme {
        try load(name: loaded.site.config.themeName, root: loaded.root, source: loaded.source)
    }

    /// The theme `name` (docket.yml's `theme:`) of the site at `root`, read through `source`.
    static func load(name: String, root: ResolvedPath, source: any SiteSource) throws(ThemeError) -> Theme {
        let root = root.url
        let directory =
            name.hasPrefix("/")
            ? URL(fileURLWithPath: name)
            : name.contains("/")
                ? root.appendingPathComponent(name)
                : root.appendingPathComponent("themes").appendingPathComponent(name)
        let folder = ResolvedPath(directory.path, from: "/")
        return try Theme.load(name: name, directory: directory.path, folder: source.texts(in: folder))
    }
}
