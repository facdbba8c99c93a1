import DocketSite
import DocketTheme
import Foundation

/// The theme of a loaded site, its folder read through the site's source: docket.yml's `theme:`
/// names a folder under `themes/`, or, when the name holds a `/`, a folder path (relative to
/// the site root, or absolute). DocketTheme only puts the files together.
enum ThemeFolder {
    static func load(for loaded: LoadedSite) throws(ThemeError) -> Theme {
        let name = loaded.site.config.themeName
        let root = loaded.root.url
        let directory =
            name.hasPrefix("/")
            ? URL(fileURLWithPath: name)
            : name.contains("/")
                ? root.appendingPathComponent(name)
                : root.appendingPathComponent("themes").appendingPathComponent(name)
        let folder = ResolvedPath(directory.path, from: "/")
        return try Theme.load(name: name, directory: directory.path, folder: loaded.source.texts(in: folder))
    }
}
