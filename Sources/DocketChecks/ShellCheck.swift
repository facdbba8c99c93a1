import DocketDiagnostics
import DocketRunbooks
import Foundation

/// Runs shellcheck (when installed) on each shell step of runbooks and maps its findings back
/// to page lines.
public enum ShellCheck {
    /// Findings of `executable` (looked up by the caller: nil when shellcheck is not installed,
    /// and then there are none).
    public static func check(_ runbook: Runbook, displayPath: String, executable: URL?) -> [Diagnostic] {
        check([(runbook, displayPath)], executable: executable)
    }

    /// Findings of `executable` for every shell step of `runbooks` (each with the path its page
    /// is named by), in runbook and step order. One shellcheck process checks every step, each
    /// a file of its own: a process per step cost 10 ms (quiet machine) to 50 ms (busy) each.
    public static func check(_ runbooks: [(runbook: Runbook, displayPath: String)], executable: URL?) -> [Diagnostic] {
        guard let executable else { return [] }
        let steps = runbooks.flatMap { entry in
            entry.runbook.steps.filter { $0.kind == .shell }.map {
                (runbook: entry.runbook, displayPath: entry.displayPath, step: $0)
            }
        }
        guard !steps.isEmpty else { return [] }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "docket-shellcheck-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var names: [String] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, entry) in steps.enumerated() {
                // Steps run under `set -Eeuo pipefail`, so a failed `cd` stops them (SC2164 does
                // not apply). Line 1 and 2 declare the parameters so shellcheck knows they are
                // set; the body starts on line 3, which is page line startLine + 1.
                let declarations = entry.runbook.parameters.map { "\($0.name)=\"${\($0.name):-}\"" }.joined(
                    separator: "; ")
                let text =
                    "#!/usr/bin/env bash\n\(declarations.isEmpty ? ":" : declarations)\n" + entry.step.body + "\n"
                let name = "step-\(index).sh"
                try Data(text.utf8).write(to: folder.appendingPathComponent(name))
                names.append(name)
            }
        } catch {
            return []
        }
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = folder
        process.arguments =
            ["--shell=bash", "--severity=warning", "--format=gcc", "--exclude=SC2034,SC2164", "--"] + names
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return [] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Grouped by step, so the order is the steps' whatever order shellcheck prints in.
        var byStep = Array(repeating: [Diagnostic](), count: steps.count)
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            // step-N.sh:LINE:COL: severity: message [SCxxxx]
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, parts[0].hasPrefix("step-"), parts[0].hasSuffix(".sh"),
                let index = Int(parts[0].dropFirst(5).dropLast(3)), steps.indices.contains(index),
                let l = Int(parts[1]), let c = Int(parts[2]), l >= 3
            else { continue }
            let (_, displayPath, step) = steps[index]
            let severity = parts[3].trimmingCharacters(in: .whitespaces)
            let message = parts[4].trimmingCharacters(in: .whitespaces)
            let location = SourceLocation(path: displayPath, line: step.startLine + l - 2, column: c)
            let code = message.range(of: "\\[SC[0-9]+\\]$", options: .regularExpression).map {
                "shellcheck." + message[$0].dropFirst().dropLast()
            }
            byStep[index].append(
                Diagnostic(
                    severity == "error" ? .error : .warning, at: location, "shellcheck (step \(step.name)): \(message)",
                    code: code ?? "shellcheck", step: step.name))
        }
        return byStep.flatMap { $0 }
    }
}
