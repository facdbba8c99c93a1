import DocketDiagnostics
import Foundation

/// Prints diagnostics to standard error, sorted, coloured only on a terminal without NO_COLOR.
struct DiagnosticPrinter {
    let colour: Bool

    init() {
        let env = ProcessInfo.processInfo.environment
        colour = isatty(STDERR_FILENO) == 1 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }

    func print(_ diagnostics: Diagnostics) {
        var out = ""
        for diagnostic in diagnostics.sorted {
            let severity = diagnostic.severity.rawValue
            let label =
                colour
                ? (diagnostic.severity == .error
                    ? "\u{1B}[1;31m\(severity)\u{1B}[0m" : "\u{1B}[1;33m\(severity)\u{1B}[0m") : severity
            out += "\(diagnostic.location): \(label): \(diagnostic.message)\n"
            if let detail = diagnostic.detail, !detail.isEmpty {
                for line in detail.split(separator: "\n", omittingEmptySubsequences: false) { out += "    \(line)\n" }
            }
        }
        let errors = diagnostics.errors.count
        let warnings = diagnostics.warnings.count
        if errors + warnings > 0 {
            out += "\("error".counted(errors)), \("warning".counted(warnings))\n"
        }
        FileHandle.standardError.write(Data(out.utf8))
    }
}
