import Foundation

/// Notices changes under a few folders by polling file sizes and modification times (portable,
/// no inotify; a few hundred files take well under a millisecond to stat).
public struct SourceWatcher: Sendable {
    public let roots: [URL]

    public init(roots: [URL]) {
        self.roots = roots
    }

    /// A value that changes when any file under the roots is added, removed or modified.
    public func signature() -> Int {
        var hasher = Hasher()
        let fm = FileManager.default
        for root in roots {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory) else { continue }
            let paths = isDirectory.boolValue ? ((try? fm.subpathsOfDirectory(atPath: root.path)) ?? []).sorted() : [""]
            for path in paths {
                let url = path.isEmpty ? root : root.appendingPathComponent(path)
                guard let attributes = try? fm.attributesOfItem(atPath: url.path) else { continue }
                hasher.combine(url.path)
                hasher.combine(attributes[.size] as? Int ?? 0)
                hasher.combine((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
            }
        }
        return hasher.finalize()
    }
}
