import Foundation

/// Paths of the repository and its fixtures, found from this source file.
public enum Fixtures {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<name>`.
    public static func url(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// The shared corpora beside the checkout, when present (a user's clone has none).
    public static var corpora: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// A fresh temporary folder, removed by the caller (or left for inspection on failure).
    public static func temporaryDirectory(_ label: String = "docket-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of `Tests/Fixtures/sites/<name>` at `<fresh temporary folder>/<name>`, to build or
    /// edit; the caller removes the temporary folder (the copy's parent) or leaves it.
    public static func copySite(_ name: String) throws -> URL {
        let root = temporaryDirectory().appendingPathComponent(name)
        try FileManager.default.copyItem(at: url("sites/\(name)"), to: root)
        return root
    }

    /// Writes `files` (relative path → text) under `root`.
    public static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// The names of the subfolders of `Tests/Fixtures/<group>`, sorted.
    public static func cases(_ group: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(group).path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }

    /// Every text made of up to `length` of `pieces` in a row (repeats included), the empty text
    /// first: the inputs of the tests that hold a fast reading to the plain one it replaced.
    public static func texts(of pieces: [String], upTo length: Int) -> [String] {
        var texts = [""]
        var last = [""]
        for _ in 0..<length {
            last = last.flatMap { prefix in pieces.map { prefix + $0 } }
            texts += last
        }
        return texts
    }
}
