import DocketBuild
import Foundation

/// With `DOCKET_SERVE_TRACE=1`, a rebuild prints how long each of its phases took (to standard
/// error), to see where the time of a slow reload goes.
struct PhaseTrace {
    private static let enabled = ProcessInfo.processInfo.environment["DOCKET_SERVE_TRACE"] == "1"
    private var last = Date()

    init() {
        if Self.enabled { BuildTimings.shared.start() }
    }

    /// The stages the build library recorded meanwhile.
    func stages() {
        guard Self.enabled else { return }
        for stage in BuildTimings.shared.stages {
            FileHandle.standardError.write(
                Data("trace:   \(stage.name) \(String(format: "%.1f", stage.wall * 1000)) ms\n".utf8))
        }
    }

    mutating func mark(_ phase: String) {
        guard Self.enabled else { return }
        let now = Date()
        FileHandle.standardError.write(
            Data("trace: \(phase) \(String(format: "%.1f", now.timeIntervalSince(last) * 1000)) ms\n".utf8))
        last = now
    }
}
