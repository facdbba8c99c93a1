import Foundation
import Synchronization

/// The time each stage of a build took (`docket build --timings`): wall time and the CPU time of
/// the whole process over the stage, so a serial stage shows CPU/wall near 1 and a parallel one
/// near the number of cores. Recording is off unless a command turns it on: `docket serve`
/// rebuilds for hours and must not collect stages forever.
public final class BuildTimings: Sendable {
    /// One measured stage.
    public struct Stage: Sendable, Equatable {
        public var name: String
        /// Seconds of wall-clock time.
        public var wall: Double
        /// Seconds of CPU time (user + system) of the process over the stage.
        public var cpu: Double
        /// The process's peak resident set size when the stage ended, in bytes (which stage
        /// makes the memory peak of a build).
        public var peakRSS: Int = 0
    }

    /// The recorder the build stages report to.
    public static let shared = BuildTimings()

    private let state = Mutex<(enabled: Bool, stages: [Stage])>((false, []))

    public init() {}

    /// Starts recording, dropping what was recorded before.
    public func start() {
        state.withLock { $0 = (true, []) }
    }

    /// The stages recorded since `start()`, in the order they ended.
    public var stages: [Stage] { state.withLock { $0.stages } }

    var isEnabled: Bool { state.withLock { $0.enabled } }

    /// Runs `body` as the stage `name`, recording its times when recording is on.
    public func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard isEnabled else { return try body() }
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let cpuStart = Self.processCPUSeconds()
        let result = try body()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
        let cpu = Self.processCPUSeconds() - cpuStart
        let peak = Self.peakRSS()
        state.withLock { $0.stages.append(Stage(name: name, wall: wall, cpu: cpu, peakRSS: peak)) }
        return result
    }

    /// A table of the stages: wall seconds, share of the summed wall time, CPU/wall, and the
    /// process's peak RSS (MiB) at the end of the stage.
    public func report() -> String {
        let stages = self.stages
        let total = stages.reduce(0) { $0 + $1.wall }
        let totalCPU = stages.reduce(0) { $0 + $1.cpu }
        var lines = ["stage                      wall s   share  cpu/wall  peak MiB"]
        for stage in stages {
            lines.append(
                Self.line(
                    stage.name, wall: stage.wall, share: total > 0 ? stage.wall / total : 0, cpu: stage.cpu,
                    peak: stage.peakRSS))
        }
        lines.append(
            Self.line("total (stages)", wall: total, share: 1, cpu: totalCPU, peak: stages.map(\.peakRSS).max() ?? 0))
        return lines.joined(separator: "\n")
    }

    private static func line(_ name: String, wall: Double, share: Double, cpu: Double, peak: Int) -> String {
        let padded = name.count >= 24 ? name : name + String(repeating: " ", count: 24 - name.count)
        return padded
            + String(format: " %8.3f  %5.1f%%  %8.2f  %8d", wall, share * 100, wall > 0 ? cpu / wall : 0, peak >> 20)
    }

    /// The peak resident set size of this process so far, in bytes (Linux reports KiB).
    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    /// User + system CPU seconds of this process so far (every thread).
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
