import DocketDiagnostics
import Foundation

/// Golden files: compare a text output with the file committed next to the test; with
/// `DOCKET_BLESS=1` in the environment, write the output instead (then review the diff in git).
public enum Golden {
    public static var blessing: Bool { ProcessInfo.processInfo.environment["DOCKET_BLESS"] == "1" }

    /// Returns nil when `actual` matches the golden file, else a unified diff from the golden file
    /// to the output (a missing golden file is a difference too).
    public static func mismatch(_ actual: String, file: URL) -> String? {
        if blessing {
            try? FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "missing golden file \(file.path); run the tests with DOCKET_BLESS=1 to create it"
        }
        if expected == actual { return nil }
        let diff = TextDiff.unified(old: expected, new: actual, oldName: "\(file.path) (golden)", newName: "output")
        return diff + "(DOCKET_BLESS=1 re-blesses after review)"
    }
}
