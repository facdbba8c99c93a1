import DocketDiagnostics
import DocketYAML
import Foundation

/// `versions.json`: the version names, newest first, each with where it is written. Docusaurus's
/// rules for names (`versions/validation.ts`): strings, not blank, no `/` or `\`, at most 32
/// characters, no `<>:"|?*` or control characters, not `.` or `..`.
public enum VersionsFile {
    public static let fileName = "versions.json"

    /// The names, or nil with located errors when the file is not a JSON array of valid names.
    public static func parse(_ text: String, path: String) -> ([(name: String, location: SourceLocation)]?, Diagnostics)
    {
        var diagnostics = Diagnostics()
        let start = SourceLocation(path: path, line: 1, column: 1)
        // JSON is read twice: strictly (what Docusaurus rejects is rejected), then as YAML, of
        // which JSON is a subset, for the line and column of each name.
        if let problem = JSONProblem.check(text, path: path) {
            diagnostics.append(problem)
            return (nil, diagnostics)
        }
        guard let document = try? YAMLDocument(text, path: path), let root = document.root else {
            diagnostics.error(at: start, "versions.json could not be read")
            return (nil, diagnostics)
        }
        guard let items = root.sequence else {
            let found = text.trimmingCharacters(in: .whitespacesAndNewlines)
            diagnostics.error(
                at: document.location(of: root),
                "the versions file should contain an array of version names, such as [\"2.0\", \"1.0\"]; found \(found.prefix(60))"
            )
            return (nil, diagnostics)
        }
        var names: [(name: String, location: SourceLocation)] = []
        for item in items {
            let location = document.location(of: item)
            guard let scalar = item.scalar, !(scalar.isPlain && scalar.isNull) else {
                diagnostics.error(at: location, "versions should be strings; found \(item.kindDescription)")
                continue
            }
            guard scalar.tag != nil || !scalar.isPlain else {
                diagnostics.error(
                    at: location,
                    "versions should be strings; found the number or literal \(scalar.text) (write \"\(scalar.text)\")")
                continue
            }
            if let problem = problem(with: scalar.text) {
                diagnostics.error(at: location, "invalid version name \"\(scalar.text)\": version name \(problem)")
                continue
            }
            if names.contains(where: { $0.name == scalar.text }) {
                diagnostics.error(at: location, "the version \"\(scalar.text)\" is listed twice")
                continue
            }
            names.append((scalar.text, location))
        }
        return (diagnostics.hasErrors ? nil : names, diagnostics)
    }

    /// Why a name is not a valid version name, or nil.
    static func problem(with name: String) -> String? {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "must contain at least one non-whitespace character"
        }
        if name.contains("/") || name.contains("\\") { return "should not include slash (/) or backslash (\\)" }
        if name.count > 32 { return "cannot be longer than 32 characters" }
        if name.unicodeScalars.contains(where: { "<>:\"|?*".unicodeScalars.contains($0) || $0.value < 0x20 }) {
            return "should be a valid file path"
        }
        if name == "." || name == ".." { return "should not be \".\" or \"..\"" }
        return nil
    }
}
