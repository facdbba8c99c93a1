import Foundation

/// Golden files: compare a text output with the file committed next to the test; with
/// `DOCKET_BLESS=1` in the environment, write the output instead (then review the diff in git).
public enum Golden {
    public static var blessing: Bool { ProcessInfo.processInfo.environment["DOCKET_BLESS"] == "1" }

    /// Returns nil when `actual` matches the golden file, else a description of the first
    /// difference (a missing golden file is a difference too).
    public static func mismatch(_ actual: String, file: URL) -> String? {
        if blessing {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "missing golden file \(file.path); run the tests with DOCKET_BLESS=1 to create it"
        }
        if expected == actual { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) {
            let got = i < a.count ? String(a[i]) : "<end of output>"
            let want = i < e.count ? String(e[i]) : "<end of file>"
            if got != want {
                return "\(file.lastPathComponent):\(i + 1) differs\n  expected: \(want)\n  actual:   \(got)\n(DOCKET_BLESS=1 re-blesses after review)"
            }
        }
        return "\(file.lastPathComponent) differs in line endings"
    }
}
