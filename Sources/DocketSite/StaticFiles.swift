import DocketDiagnostics
import Foundation

/// The files of the static folder, relative to it, served at the site root.
///
/// A symlink is followed only when it stays inside the static folder; one that points out of
/// it (`static/secrets -> ~/.ssh`) is skipped with a warning at the link, so a build never
/// publishes files from elsewhere on the machine. Names holding control characters are errors.
/// `DiskSiteSource` lists the static folder through here.
enum StaticFiles {
    static func list(_ directory: URL, display: String) -> StaticListing {
        var listing = StaticListing()
        let root = RealPath.of(directory.standardizedFileURL.path)
        var visited: Set<String> = [root]
        walk(real: root, relative: "", root: root, display: display, visited: &visited, into: &listing)
        listing.files.sort()
        return listing
    }

    private static func walk(
        real folder: String, relative: String, root: String, display: String,
        visited: inout Set<String>, into listing: inout StaticListing
    ) {
        let fm = FileManager.default
        for name in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            let path = relative.isEmpty ? name : relative + "/" + name
            let shown = display + "/" + ContentInventory.visible(path)
            if ContentInventory.hasControlCharacter(name) {
                listing.diagnostics.append(StaticListing.badName(shown))
                continue
            }
            let full = folder + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            var target = full
            if info.st_mode & S_IFMT == S_IFLNK {
                target = RealPath.of(full)
                guard RealPath.isInside(target, root), stat(target, &info) == 0 else {
                    let exists = stat(target, &info) == 0
                    listing.diagnostics.warning(
                        at: SourceLocation(path: shown, line: 0, column: 0),
                        exists
                            ? "this symlink points out of the static folder (to \(target)); it is not published"
                            : "this symlink points to nothing (\(target)); it is skipped")
                    continue
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                // A link back up the tree would loop forever: each real folder is walked once.
                guard visited.insert(target).inserted else { continue }
                walk(real: target, relative: path, root: root, display: display, visited: &visited, into: &listing)
            case S_IFREG:
                listing.files.append(path)
            default:
                continue
            }
        }
    }
}
