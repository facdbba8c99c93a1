import DocketDiagnostics
import Foundation

/// What makes a JSON file invalid for Docusaurus (which reads it with `JSON.parse`): Foundation's
/// reason, and the trailing commas Foundation's parser lets through.
enum JSONProblem {
    /// The first problem of `text` as a located message, or nil when it is strict JSON.
    static func check(_ text: String, path: String) -> Diagnostic? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            let ns = error as NSError
            let reason = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
            return .error(at: SourceLocation(path: path, line: 1, column: 1), "not valid JSON: \(reason)")
        }
        if let (line, column) = trailingComma(text) {
            return .error(
                at: SourceLocation(path: path, line: line, column: column),
                "not valid JSON: a comma before a closing bracket")
        }
        return nil
    }

    /// Line and column of a `,` followed only by whitespace and `]` or `}`, outside strings.
    static func trailingComma(_ text: String) -> (Int, Int)? {
        var line = 1, column = 0
        var inString = false, escaped = false
        var comma: (Int, Int)?
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" { line += 1; column = 0 }
            if inString {
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
                continue
            }
            switch scalar {
            case "\"": inString = true; comma = nil
            case ",": comma = (line, column)
            case "]", "}": if let comma { return comma }
            case " ", "\t", "\r", "\n": break
            default: comma = nil
            }
        }
        return nil
    }
}
