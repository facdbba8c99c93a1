import DocketDiagnostics
import DocketRunbooks
import Foundation

/// Runs shellcheck (when installed) on each shell step of a runbook and maps its findings back
/// to page lines.
public enum ShellCheck {
    /// The shellcheck executable on PATH, if any.
    public static var executable: URL? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in paths {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent("shellcheck")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    public static func check(_ runbook: Runbook, displayPath: String) -> [Diagnostic] {
        guard let executable else { return [] }
        var found: [Diagnostic] = []
        for step in runbook.steps where step.kind == .shell {
            // Steps run under `set -Eeuo pipefail`, so a failed `cd` stops them (SC2164 does not
            // apply). Line 1 and 2 declare the parameters so shellcheck knows they are set; the body
            // starts on line 3, which is page line startLine + 1.
            let declarations = runbook.parameters.map { "\($0.name)=\"${\($0.name):-}\"" }.joined(separator: "; ")
            let text = "#!/usr/bin/env bash\n\(declarations.isEmpty ? ":" : declarations)\n" + step.body + "\n"
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--shell=bash", "--severity=warning", "--format=gcc", "--exclude=SC2034,SC2164", "-"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return found }
            input.fileHandleForWriting.write(Data(text.utf8))
            try? input.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                // -:LINE:COL: severity: message [SCxxxx]
                let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
                guard parts.count == 5, let l = Int(parts[1]), let c = Int(parts[2]), l >= 3 else { continue }
                let severity = parts[3].trimmingCharacters(in: .whitespaces)
                let message = parts[4].trimmingCharacters(in: .whitespaces)
                let location = SourceLocation(path: displayPath, line: step.startLine + l - 2, column: c)
                found.append(Diagnostic(severity == "error" ? .error : .warning, at: location, "shellcheck (step \(step.name)): \(message)"))
            }
        }
        return found
    }
}
