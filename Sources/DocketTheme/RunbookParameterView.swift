import DocketRunbooks
import Mustache

/// One row of a runbook banner's parameters (`page.runbook.parameters`). Keys without a value
/// are absent, so the banner's `{{#default}}`-style sections skip them.
struct RunbookParameterView: Sendable, MustacheParent {
    var name: String
    var description: String
    var secret: Bool
    var example: String?
    var defaultValue: String?
    var pattern: String?
    /// The allowed values, joined with ", "; nil when any value goes.
    var choices: String?
    /// The step whose output sets this parameter.
    var producedBy: String?

    init(_ parameter: RunbookParameter, in runbook: Runbook) {
        name = parameter.name
        description = parameter.description
        secret = parameter.secret
        if let example = parameter.example, !example.isEmpty { self.example = example }
        defaultValue = parameter.defaultValue
        pattern = parameter.pattern
        if !parameter.choices.isEmpty { choices = parameter.choices.joined(separator: ", ") }
        producedBy = runbook.steps.first(where: { $0.produces.contains(parameter.name) })?.name
    }

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "description": description
        case "secret": secret
        case "inputType": secret ? "password" : "text"
        case "example": example
        case "default": defaultValue
        case "pattern": pattern
        case "choices": choices
        case "producedBy": producedBy
        default: nil
        }
    }
}
