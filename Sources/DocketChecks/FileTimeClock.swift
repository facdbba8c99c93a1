import Foundation

/// The clock the kernel stamps file modification times with: the coarse real-time clock, which
/// moves once a tick (4 ms at HZ=250) and so is up to a tick behind the `EPOCHREALTIME` of the
/// runtime's step events. Measured on this project's CI machine: most writes made right after
/// an `EPOCHREALTIME` reading carry an earlier modification time, by up to 3.7 ms.
enum FileTimeClock {
    /// How far a file time can be behind the events' clock: one tick of the coarse clock
    /// (`clock_getres(CLOCK_REALTIME_COARSE)`), 10 ms (HZ=100, the slowest tick Linux has)
    /// where the resolution cannot be read.
    static let lag: Double = {
        var resolution = timespec()
        guard clock_getres(CLOCK_REALTIME_COARSE, &resolution) == 0 else { return 0.01 }
        let seconds = Double(resolution.tv_sec) + Double(resolution.tv_nsec) / 1e9
        return seconds > 0 && seconds <= 0.1 ? seconds : 0.01
    }()

    /// The pause the runtime makes between one step's end and the next's start when a run's
    /// file times are attributed to steps (`DOCKET_STEP_PAUSE`): longer than the lag, so that
    /// the last write of a step is stamped before the next step's window.
    static var stepPause: String { String(format: "%.3f", lag + 0.002) }
}
