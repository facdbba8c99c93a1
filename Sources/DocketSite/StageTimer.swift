/// Records how long each stage of a load takes (`docket build --timings`). The pipeline names
/// its stages; the caller decides whether and how they are measured.
public protocol StageTimer: Sendable {
    /// Runs `body` as the stage `name`.
    func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T
}

/// Measures nothing.
struct UntimedStages: StageTimer {
    func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T { try body() }
}
