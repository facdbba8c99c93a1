import DocketDiagnostics
import Foundation

/// One problem as the preview's error page shows it: the diagnostic, and the source lines
/// around its position, read when the build fails (serve is the edge that may read files).
public struct ShownProblem: Sendable, Equatable {
    /// `path:line:col: error: message`.
    public var heading: String
    public var isError: Bool
    public var detail: String?
    /// Up to two lines before and after the problem's line, with their numbers.
    public var excerpt: [ExcerptLine]
    /// The problem's line and column (1-based; 0 when the problem is about a whole file).
    public var line: Int
    public var column: Int

    /// One numbered source line of an excerpt.
    public struct ExcerptLine: Sendable, Equatable {
        public var number: Int
        public var text: String
    }

    /// Reads the excerpt of `diagnostic` from its file, looked up from `folders` in order
    /// (relative display paths are relative to the folder serve started in).
    public init(_ diagnostic: Diagnostic, folders: [URL]) {
        heading = diagnostic.description
        isError = diagnostic.severity == .error
        detail = diagnostic.detail
        line = diagnostic.location.line
        column = diagnostic.location.column
        excerpt = []
        guard line > 0 else { return }
        let path = diagnostic.location.path
        let candidates =
            path.hasPrefix("/") ? [URL(fileURLWithPath: path)] : folders.map { $0.appendingPathComponent(path) }
        for url in candidates {
            guard let lines = Self.lines(of: url, around: line) else { continue }
            excerpt = lines
            return
        }
    }

    /// The numbered lines `line - 2 ... line + 2` of a file of at most 10 MB; nil when it
    /// cannot be read.
    static func lines(of url: URL, around line: Int) -> [ExcerptLine]? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
            size <= 10 << 20,
            let data = FileManager.default.contents(atPath: url.path)
        else { return nil }
        var all = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if all.last?.isEmpty == true { all.removeLast() }  // the final newline ends a line, it starts none
        let first = max(1, line - 2), last = min(all.count, line + 2)
        guard first <= last else { return nil }
        return (first...last).map {
            ExcerptLine(number: $0, text: String(all[$0 - 1].prefix(400)).replacingOccurrences(of: "\r", with: ""))
        }
    }
}
