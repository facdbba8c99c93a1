import Foundation

/// Finds executables on the host's PATH: the one lookup of docket (bwrap, prlimit, setpriv,
/// shellcheck).
public enum Executables {
    /// The first executable file `name` in a folder of PATH (`/usr/local/bin:/usr/bin:/bin`
    /// when PATH is not set), if any.
    public static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs a command to completion; throws with its output when it fails.
    static func run(_ arguments: [String], in directory: URL) throws(SandboxError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { throw .toolMissing(arguments[0]) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw .toolMissing(arguments[0]) }
        if process.terminationStatus != 0 {
            throw .setup("\(arguments.joined(separator: " ")) failed: \(String(decoding: data, as: UTF8.self))")
        }
    }
}
