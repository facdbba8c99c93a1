import DocketSite
import Foundation

/// The rules that keep `docket build` from destroying what it did not make. The output folder
/// is replaced whole on every build, so it must not be, hold or lie inside a folder the build
/// reads (content, static, theme, runbooks), must not be the site root, the home folder or `/`
/// (or hold them), and must not be a folder of someone else's files.
enum OutputGuard {
    /// A folder the output must keep away from.
    struct Guarded {
        /// What the user calls it: "the content folder".
        var role: String
        var display: String
        var path: String
        /// Only `out` being this folder or a parent of it is refused (the site root: `_site`
        /// inside the project is fine).
        var parentsOnly = false
    }

    /// The marker docket writes into every site it builds.
    static let markerName = ".docket-site"
    static let markerText = "This folder is written by docket build and replaced whole on every build.\n"

    /// Checks `output` and returns its real path (symlinks resolved), where the site is written.
    static func check(output: URL, display: String, guarded: [Guarded], force: Bool) throws(OutputRefusal) -> URL {
        let real = RealPath.of(output.standardizedFileURL.path)
        let shown = display == real ? "'\(display)'" : "'\(display)' (\(real))"
        func refuse(_ why: String) -> OutputRefusal {
            OutputRefusal(
                message:
                    "refusing to use \(shown) as the output folder: \(why); docket replaces the output folder whole on every build"
            )
        }

        var info = stat()
        if stat(real, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
            throw refuse("it is an existing file, not a folder")
        }
        if real == "/" { throw refuse("it is the root of the file system") }
        let home = RealPath.of(NSHomeDirectory())
        if home != "/", RealPath.isInside(home, real) {
            throw refuse(real == home ? "it is your home folder" : "it holds your home folder '\(home)'")
        }
        for folder in guarded {
            let path = RealPath.of(folder.path)
            let named = "\(folder.role) '\(folder.display)'" + (folder.display == path ? "" : " (\(path))")
            if path == real { throw refuse("it is \(named)") }
            if RealPath.isInside(path, real) { throw refuse("it holds \(named)") }
            if !folder.parentsOnly, RealPath.isInside(real, path) { throw refuse("it lies inside \(named)") }
        }
        if !force, let entries = try? FileManager.default.contentsOfDirectory(atPath: real), !entries.isEmpty,
            !isDocketOutput(real, entries: entries)
        {
            throw refuse(
                "it is not empty and docket did not write it (no \(markerName) file in it); "
                    + "empty it, choose another folder, or pass --force to replace it anyway")
        }
        return URL(fileURLWithPath: real)
    }

    /// The folders of `loaded` the output must keep away from.
    static func guarded(for loaded: LoadedSite) -> [Guarded] {
        let root = loaded.root
        var folders = [
            Guarded(
                role: "the site folder holding docket.yml", display: root.display, path: root.url.path,
                parentsOnly: true),
            Guarded(role: "the content folder", display: loaded.content.display, path: loaded.content.url.path),
            Guarded(
                role: "the static folder", display: loaded.staticFolder.display, path: loaded.staticFolder.url.path),
            Guarded(
                role: "the themes folder", display: ResolvedPath("themes", relativeTo: root).display,
                path: root.url.appendingPathComponent("themes").path),
            Guarded(
                role: "the runbooks folder", display: ResolvedPath("runbooks", relativeTo: root).display,
                path: root.url.appendingPathComponent("runbooks").path),
        ]
        let theme = loaded.site.config.themeName
        if theme.contains("/") {
            let path = ResolvedPath(theme, relativeTo: root)
            folders.append(Guarded(role: "the theme folder", display: path.display, path: path.url.path))
        }
        return folders
    }

    /// A folder docket wrote: it has the marker, or (sites built before the marker existed) the
    /// files every docket site has.
    static func isDocketOutput(_ path: String, entries: [String]) -> Bool {
        if entries.contains(markerName) { return true }
        let fm = FileManager.default
        return entries.contains("sitemap.xml") && entries.contains("404.html")
            && fm.fileExists(atPath: path + "/assets/docket/sidebar.json")
    }
}
