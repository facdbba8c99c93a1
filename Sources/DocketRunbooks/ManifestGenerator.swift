import Foundation

/// Writes `runbooks/<id>.json`: what the runbook is and where each step comes from, for tools and
/// for `docket check`. Secret parameters are listed without their example.
public enum ManifestGenerator {
    public static func manifest(for runbook: Runbook) -> String {
        let parameters: [[String: Any]] = runbook.parameters.map { p in
            var entry: [String: Any] = ["name": p.name, "description": p.description, "secret": p.secret]
            if !p.secret, let example = p.example { entry["example"] = example }
            if let value = p.defaultValue { entry["default"] = value }
            if let pattern = p.pattern { entry["pattern"] = pattern }
            if !p.choices.isEmpty { entry["choices"] = p.choices }
            return entry
        }
        let steps: [[String: Any]] = runbook.steps.enumerated().map { index, s in
            var entry: [String: Any] = [
                "number": index + 1, "name": s.name, "kind": s.kind.rawValue, "title": s.title,
                "source": "\(runbook.source):\(s.startLine)-\(s.endLine)", "line": s.startLine, "endLine": s.endLine,
                "hash": s.hash, "parameters": s.parameters,
            ]
            if let file = s.file { entry["file"] = file }
            if let mode = s.mode { entry["mode"] = mode.rawValue }
            if let cwd = s.cwd { entry["cwd"] = cwd }
            if let timeout = s.timeoutSeconds { entry["timeoutSeconds"] = timeout }
            if s.confirm { entry["confirm"] = true }
            if s.reboot { entry["reboot"] = true }
            if !s.produces.isEmpty { entry["produces"] = s.produces }
            return entry
        }
        var object: [String: Any] = ["id": runbook.id, "title": runbook.title, "source": runbook.source,
                                     "parameters": parameters, "steps": steps, "script": "\(runbook.id).sh"]
        if let description = runbook.description { object["description"] = description }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
