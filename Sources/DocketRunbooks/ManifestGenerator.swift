import Foundation

/// Writes `runbooks/<id>.json`: what the runbook is and where each step comes from, for tools and
/// for `docket check`. Secret parameters are listed without their example.
public enum ManifestGenerator {
    /// The manifest as written. A nil property is left out, as are `confirm` and `reboot` when
    /// false; keys are sorted by the encoder, so the order here does not matter.
    struct Manifest: Encodable {
        var id: String
        var title: String
        var description: String?
        var source: String
        var parameters: [Parameter]
        var steps: [Step]
        var script: String
    }

    struct Parameter: Encodable {
        var name: String
        var description: String
        var secret: Bool
        var example: String?
        var `default`: String?
        var pattern: String?
        var choices: [String]?
    }

    struct Step: Encodable {
        var number: Int
        var name: String
        var kind: String
        var title: String
        var source: String
        var line: Int
        var endLine: Int
        var hash: String
        var parameters: [String]
        var file: String?
        var mode: String?
        var cwd: String?
        var timeoutSeconds: Int?
        var confirm: Bool?
        var reboot: Bool?
        var produces: [String]?
    }

    /// The one JSON form of the manifest: two-space indentation, sorted keys, slashes as written.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func manifest(for runbook: Runbook) -> String {
        let parameters = runbook.parameters.map { p in
            Parameter(
                name: p.name, description: p.description, secret: p.secret, example: p.secret ? nil : p.example,
                default: p.defaultValue, pattern: p.pattern, choices: p.choices.isEmpty ? nil : p.choices)
        }
        let steps = runbook.steps.enumerated().map { index, s in
            Step(
                number: index + 1, name: s.name, kind: s.kind.rawValue, title: s.title,
                source: "\(runbook.source):\(s.startLine)-\(s.endLine)", line: s.startLine, endLine: s.endLine,
                hash: s.hash, parameters: s.parameters, file: s.file, mode: s.mode?.rawValue, cwd: s.cwd,
                timeoutSeconds: s.timeoutSeconds, confirm: s.confirm ? true : nil, reboot: s.reboot ? true : nil,
                produces: s.produces.isEmpty ? nil : s.produces)
        }
        let manifest = Manifest(
            id: runbook.id, title: runbook.title, description: runbook.description, source: runbook.source,
            parameters: parameters, steps: steps, script: "\(runbook.id).sh")
        // Every value is a string, number, boolean or list of them: encoding cannot fail.
        let data = (try? encoder().encode(manifest)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
