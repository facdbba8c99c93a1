import Foundation

/// The files of the static folder, relative to it, served at the site root.
enum StaticFiles {
    static func list(_ directory: URL) -> [String] {
        let fm = FileManager.default
        guard let paths = try? fm.subpathsOfDirectory(atPath: directory.path) else { return [] }
        return paths.filter { path in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }
}
