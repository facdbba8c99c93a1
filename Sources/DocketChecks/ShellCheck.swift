import DocketDiagnostics
import DocketRunbooks
import Foundation

/// Runs shellcheck (when installed) on each shell step of a runbook and maps its findings back
/// to page lines.
public enum ShellCheck {
    /// Findings of `executable` (looked up by the caller: nil when shellcheck is not installed,
    /// and then there are none).
    public static func check(_ runbook: Runbook, displayPath: String, executable: URL?) -> [Diagnostic] {
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
                let code = message.range(of: "\\[SC[0-9]+\\]$", options: .regularExpression).map { "shellcheck." + message[$0].dropFirst().dropLast() }
                found.append(Diagnostic(severity == "error" ? .error : .warning, at: location, "shellcheck (step \(step.name)): \(message)",
                                        code: code ?? "shellcheck", step: step.name))
            }
        }
        return found
    }
}
