/// What one sandboxed run may use. Every value has a documented default and an allowed range
/// (`fixture.yml` keys map onto these fields; values outside the range are rejected, not clamped).
public struct SandboxLimits: Sendable, Equatable {
    /// Processes (and threads) the run may have at once. Enforced by a pids cgroup when docket
    /// runs as root and one can be made, else by RLIMIT_NPROC on the sandbox user.
    public var processes: Int
    /// Bytes of every writable folder: the sandbox folder on the host (home, work, control: one
    /// size-limited tmpfs when root) and each tmpfs inside (`/tmp`; `/run`, `/root`, `/home`,
    /// `/srv` get at most `smallTmpfsBytes`). Also RLIMIT_FSIZE, the largest single file.
    public var diskBytes: Int
    /// Memory of the whole run: a memory cgroup when root and one can be made, else RLIMIT_AS
    /// (address space) of each process.
    public var memoryBytes: Int
    /// Bytes kept of each captured output: output.log, calls.log, requests.jsonl, setup.log and
    /// the status pipe. Past it the middle of output.log is dropped (head and tail kept), the
    /// other logs are cut at the end.
    public var outputBytes: Int

    public init(
        processes: Int = Self.defaults.processes, diskBytes: Int = Self.defaults.diskBytes,
        memoryBytes: Int = Self.defaults.memoryBytes, outputBytes: Int = Self.defaults.outputBytes
    ) {
        self.processes = processes
        self.diskBytes = diskBytes
        self.memoryBytes = memoryBytes
        self.outputBytes = outputBytes
    }

    /// 256 processes, 512 MiB of disk, 1 GiB of memory, 4 MiB of each output.
    public static let defaults = SandboxLimits(
        processes: 256, diskBytes: 512 << 20, memoryBytes: 1 << 30, outputBytes: 4 << 20)

    public static let processRange = 16...4096
    public static let diskRange = (16 << 20)...(16 << 30)
    public static let memoryRange = (128 << 20)...(16 << 30)
    public static let outputRange = (4 << 10)...(64 << 20)
    /// The size of `/run`, `/root`, `/home` and `/srv` inside (mount points, mostly).
    public static let smallTmpfsBytes = 16 << 20

    /// The first value outside its range, as a message naming the field.
    public var problem: String? {
        func check(_ name: String, _ value: Int, _ range: ClosedRange<Int>) -> String? {
            range.contains(value) ? nil : "\(name) \(value) is outside \(range.lowerBound)...\(range.upperBound)"
        }
        return check("processes", processes, Self.processRange) ?? check("diskBytes", diskBytes, Self.diskRange)
            ?? check("memoryBytes", memoryBytes, Self.memoryRange)
            ?? check("outputBytes", outputBytes, Self.outputRange)
    }
}
