import Mustache

/// `page.runbook` of a runbook page: the banner linking the script and, when the page's runbook
/// could be extracted again (`RunbookPageData`), the parameters' form and the JSON its script
/// reads. Without that data the form's keys are absent, as they were from the dictionary.
struct RunbookBannerView: Sendable, MustacheParent {
    /// The form part of the banner.
    struct Form: Sendable {
        var parameters: [RunbookParameterView]
        var json: String
        var description: String?
    }

    var id: String
    var title: String
    var scriptUrl: String
    var stepCount: Int
    var form: Form?

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "scriptUrl": scriptUrl
        case "stepCount": stepCount
        case "parameters": form?.parameters
        case "hasParameters": form.map { !$0.parameters.isEmpty }
        case "json": form?.json
        case "description": form?.description
        default: nil
        }
    }
}
