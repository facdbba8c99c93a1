import Foundation

/// The control groups of one run (root only): a pids group (`processes`) and a memory group
/// (`memoryBytes`), made under docket's own groups, cgroup v2 or v1, whichever the machine has.
/// bwrap is placed in them before it starts, so everything the run forks is counted, and at the
/// end every process still in them is killed, whatever namespace it hides in.
final class SandboxCgroup: Sendable {
    /// The folders made (one for v2, one per v1 hierarchy).
    let folders: [URL]
    let pids: URL?
    let memory: URL?
    let version: Int

    private init(folders: [URL], pids: URL?, memory: URL?, version: Int) {
        self.folders = folders
        self.pids = pids
        self.memory = memory
        self.version = version
    }

    /// nil when not root or when no group can be made; a missing controller is nil in the result
    /// and the caller falls back to an rlimit for it.
    static func make(name: String, limits: SandboxLimits) -> SandboxCgroup? {
        guard geteuid() == 0, let membership = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else {
            return nil
        }
        let base = URL(fileURLWithPath: "/sys/fs/cgroup")
        var own: [String: String] = [:]
        for line in membership.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            for controller in parts[1].split(separator: ",") { own[String(controller)] = String(parts[2]) }
            if parts[1].isEmpty { own[""] = String(parts[2]) }
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: base.appendingPathComponent("cgroup.controllers").path), let path = own[""] {
            // Unified (v2) only: one group with both controllers, if the parent delegates them.
            let parent = base.appendingPathComponent(path)
            let folder = parent.appendingPathComponent(name)
            guard (try? fm.createDirectory(at: folder, withIntermediateDirectories: false)) != nil else { return nil }
            let controllers =
                (try? String(contentsOf: folder.appendingPathComponent("cgroup.controllers"), encoding: .utf8)) ?? ""
            let hasPids =
                controllers.contains("pids")
                && write(String(limits.processes), to: folder.appendingPathComponent("pids.max"))
            let hasMemory =
                controllers.contains("memory")
                && write(String(limits.memoryBytes), to: folder.appendingPathComponent("memory.max"))
            if hasMemory { _ = write("0", to: folder.appendingPathComponent("memory.swap.max")) }
            guard hasPids || hasMemory else { rmdir(folder.path); return nil }
            return SandboxCgroup(
                folders: [folder], pids: hasPids ? folder : nil, memory: hasMemory ? folder : nil, version: 2)
        }
        // v1: a group in each of the pids and memory hierarchies docket belongs to.
        func make(_ controller: String, _ configure: (URL) -> Bool) -> URL? {
            guard let path = own[controller] else { return nil }
            let hierarchy = base.appendingPathComponent(controller)
            guard fm.fileExists(atPath: hierarchy.appendingPathComponent("cgroup.procs").path) else { return nil }
            let folder = hierarchy.appendingPathComponent(path).appendingPathComponent(name)
            guard (try? fm.createDirectory(at: folder, withIntermediateDirectories: false)) != nil else { return nil }
            if configure(folder) { return folder }
            rmdir(folder.path)
            return nil
        }
        let pids = make("pids") { write(String(limits.processes), to: $0.appendingPathComponent("pids.max")) }
        let memory = make("memory") { folder in
            guard write(String(limits.memoryBytes), to: folder.appendingPathComponent("memory.limit_in_bytes")) else {
                return false
            }
            // Swap counted too where the kernel accounts it, so the limit is not paged around.
            _ = write(String(limits.memoryBytes), to: folder.appendingPathComponent("memory.memsw.limit_in_bytes"))
            return true
        }
        let folders = [pids, memory].compactMap { $0 }
        return folders.isEmpty ? nil : SandboxCgroup(folders: folders, pids: pids, memory: memory, version: 1)
    }

    /// The shell lines (run as root by the launcher, before it becomes bwrap) entering the groups.
    var enterCommands: String {
        folders.map { "echo $$ >\(SandboxScripts.quote($0.appendingPathComponent("cgroup.procs").path)) || exit 120" }
            .joined(separator: "\n")
    }

    /// What the limits stopped, as sentences ("the process limit (64) refused 12 forks").
    /// `exitStatus` is the status docket observed: 254 after refused forks is bash giving up.
    func reached(_ limits: SandboxLimits, exitStatus: Int32?) -> [String] {
        var out: [String] = []
        if let pids, let count = Self.counter("max", in: pids.appendingPathComponent("pids.events")), count > 0 {
            var sentence = "the process limit (\(limits.processes)) refused \(count) fork\(count == 1 ? "" : "s")"
            // bash retries a refused fork (after 1, 2, 4 and 8 s) and then stops the whole script
            // with status 126|128; it also stops early when a child's exit interrupts the wait
            // between two tries ("fork: Interrupted system call"). Either way the runbook ended
            // at the limit, not by a failure of its own.
            if exitStatus == Self.bashForkFailure {
                sentence +=
                    "; the runbook's shell stopped there (status 254: bash ends a script whose fork fails for good)"
            }
            out.append(sentence)
        }
        if let memory {
            let oom =
                version == 2
                ? Self.counter("oom_kill", in: memory.appendingPathComponent("memory.events"))
                : Self.counter("oom_kill", in: memory.appendingPathComponent("memory.oom_control"))
            let failures =
                version == 1
                ? Int(
                    (try? String(contentsOf: memory.appendingPathComponent("memory.failcnt"), encoding: .utf8))?
                        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") : nil
            if let oom, oom > 0 {
                out.append(
                    "the memory limit (\(limits.memoryBytes >> 20) MiB) killed \(oom) process\(oom == 1 ? "" : "es")")
            } else if let failures, failures > 0 {
                out.append("the memory limit (\(limits.memoryBytes >> 20) MiB) was reached")
            }
        }
        return out
    }

    /// Kills every process left in the groups (a run's processes all are, forks included) and
    /// removes the groups.
    func destroy() {
        for _ in 0..<100 {
            var alive = false
            for folder in folders {
                let procs =
                    (try? String(contentsOf: folder.appendingPathComponent("cgroup.procs"), encoding: .utf8)) ?? ""
                for pid in procs.split(separator: "\n").compactMap({ Int32($0) }) {
                    alive = true
                    kill(pid, SIGKILL)
                }
            }
            if !alive { break }
            usleep(10_000)
        }
        for folder in folders {
            for _ in 0..<50 where rmdir(folder.path) != 0 && errno == EBUSY { usleep(10_000) }
        }
    }

    /// The status bash exits with when a fork fails for good: EX_NOEXEC (126) with 128 added
    /// as it unwinds to its top level.
    static let bashForkFailure: Int32 = 254

    private static func write(_ value: String, to file: URL) -> Bool {
        let fd = open(file.path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return value.withCString { Glibc.write(fd, $0, strlen($0)) } >= 0
    }

    private static func counter(_ name: String, in file: URL) -> Int? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == name { return Int(parts[1]) }
        }
        return nil
    }
}
