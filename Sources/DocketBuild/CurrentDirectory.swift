import DocketSite
import Foundation

/// The one place the build reads the current directory: paths given on the command line
/// (`--root`, `--content`, `--static`, `--out`) are relative to it.
enum CurrentDirectory {
    static func resolve(_ path: String) -> ResolvedPath {
        ResolvedPath(path, from: FileManager.default.currentDirectoryPath)
    }
}
