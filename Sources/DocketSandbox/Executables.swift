import Foundation

/// Finds an executable on a search path: the one lookup of docket (bwrap, prlimit, setpriv,
/// openssl, shellcheck, git). The caller passes its `PATH`: only the command line reads the
/// environment.
public enum Executables {
    /// The first executable file `name` in a folder of `path` (a `PATH` value;
    /// `/usr/local/bin:/usr/bin:/bin` when nil), if any.
    public static func find(_ name: String, path: String?) -> URL? {
        for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs `executable` to completion; throws with its output when it fails.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL) throws(SandboxError) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { throw .setup("cannot start \(executable.path): \(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw .setup(
                "\(([executable.lastPathComponent] + arguments).joined(separator: " ")) failed: \(String(decoding: data, as: UTF8.self))"
            )
        }
    }
}
