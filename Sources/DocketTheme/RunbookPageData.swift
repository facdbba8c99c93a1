import DocketRunbooks
import DocketSite

/// What a runbook page hands to the browser so that the reader's values can be put into the
/// commands: the parameters, and each step's block cut into literal text and parameter places,
/// each place saying how the runbook script quotes a value there. Made from the extraction of the
/// page (the same cut the script uses), so the page and the script never disagree on where an
/// example stands.
public struct RunbookPageData: Sendable {
    /// One place in a block where a parameter's value goes, and how it is written there.
    public enum Quoting: String, Sendable {
        /// A shell word outside quotes (`"${NAME}"` in the script): the value in single quotes.
        case word
        /// Inside the page's single quotes (`'"${NAME}"'`): a `'` becomes `'\''`.
        case single
        /// Inside double quotes or an unquoted heredoc (`${NAME}`): `\ $ " backtick` escaped.
        case double
        /// A file or manual step: the value as given.
        case raw
        /// An env file: the line's value quoted as the runtime's env writer does.
        case env
    }

    public var runbook: Runbook

    public init(runbook: Runbook) { self.runbook = runbook }

    /// Extracts the runbook of `page` again (the build did it already; this keeps the theme
    /// independent of how the build passes runbooks around, and costs one walk of the page tree).
    public init?(page: Page) {
        guard let runbook = RunbookExtractor.extract(page.parsed, sourceLabel: page.source).0 else { return nil }
        self.runbook = runbook
    }

    /// The parameters, for the banner's table and form.
    var parameters: [RunbookParameterView] {
        runbook.parameters.map { RunbookParameterView($0, in: runbook) }
    }

    /// The label above a step's block: number, kind, the name `--from` takes, the file and mode.
    public func label(step name: String) -> String? {
        guard let index = runbook.steps.firstIndex(where: { $0.name == name }) else { return nil }
        let step = runbook.steps[index]
        let escaped = step.name.htmlEscaped
        var html =
            "<div class=\"runbook-step-label runbook-step-label--\(step.kind.rawValue)\" id=\"step-\(escaped)\" data-step=\"\(escaped)\">"
        html += "<a class=\"runbook-step__number\" href=\"#step-\(escaped)\">Step \(index + 1)</a>"
        html += " <code class=\"runbook-step__name\" title=\"--from \(escaped)\">\(escaped)</code>"
        switch step.kind {
        case .shell:
            break
        case .file:
            let file = [step.cwd, step.file].compactMap { $0 }.joined(separator: "/")
            let mode = step.mode?.rawValue ?? "upsert"
            html +=
                " <span class=\"runbook-step__kind\">\(mode == "verify" ? "verifies" : "changes") <code>\(file.htmlEscaped)</code> (\(mode))</span>"
        case .manual:
            html += " <span class=\"runbook-step__kind runbook-step__kind--manual\">Manual step: you do this yourself"
            if !step.produces.isEmpty {
                html += "; it gives " + step.produces.map { "<code>\($0.htmlEscaped)</code>" }.joined(separator: ", ")
            }
            html += "</span>"
        }
        return html + "</div>"
    }

    /// The JSON the page's script reads: parameters, and per step its parts.
    public var json: String {
        let steps = Dictionary(runbook.steps.map { ($0.name, parts(of: $0)) }, uniquingKeysWith: { first, _ in first })
        return Self.scriptSafe(
            JSONText.encode(
                PageJSON(
                    id: runbook.id,
                    parameters: runbook.parameters.map {
                        .init(name: $0.name, secret: $0.secret, example: $0.example ?? "")
                    },
                    steps: steps)))
    }

    /// The shape `runbook.js` reads.
    private struct PageJSON: Encodable {
        struct Parameter: Encodable {
            var name: String
            var secret: Bool
            var example: String
        }
        var id: String
        var parameters: [Parameter]
        var steps: [String: [Part]]
    }

    /// A literal piece of a step's text (a JSON string), or a parameter with the quoting it
    /// needs there (`{"p": NAME, "q": QUOTING}`).
    enum Part: Equatable, Encodable {
        case text(String)
        case parameter(String, Quoting)

        private enum Keys: String, CodingKey { case p, q }

        func encode(to encoder: Encoder) throws {
            switch self {
            case .text(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            case .parameter(let name, let quoting):
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(name, forKey: .p)
                try container.encode(quoting.rawValue, forKey: .q)
            }
        }
    }

    /// A step's block as pieces. Shell steps are cut at the references the extraction wrote in
    /// place of the examples, each reference's form telling its quoting; file and manual steps
    /// use the extraction's own cut.
    func parts(of step: RunbookStep) -> [Part] {
        switch step.kind {
        case .file, .manual:
            let quoting: Quoting = step.kind == .file && step.format == "env" ? .env : .raw
            return step.parts.map { part in
                switch part {
                case .text(let text): return .text(text)
                case .parameter(let name): return .parameter(name, quoting)
                }
            }
        case .shell:
            return Self.shellParts(step.body, names: Set(runbook.parameters.map(\.name)))
        }
    }

    /// Cuts a shell step's body at `'"${N}"'`, `"${N}"` and `${N}` for the runbook's parameters.
    static func shellParts(_ body: String, names: Set<String>) -> [Part] {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(body)
        while let open = rest.range(of: "${") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}"), names.contains(String(afterOpen[..<close])) else {
                literal += rest[..<open.upperBound]
                rest = afterOpen
                continue
            }
            let name = String(afterOpen[..<close])
            var before = rest[..<open.lowerBound]
            var after = afterOpen[afterOpen.index(after: close)...]
            var quoting = Quoting.double
            if before.hasSuffix("'\""), after.hasPrefix("\"'") {
                quoting = .single
                before = before.dropLast(2)
                after = after.dropFirst(2)
            } else if before.hasSuffix("\""), after.hasPrefix("\"") {
                quoting = .word
                before = before.dropLast()
                after = after.dropFirst()
            }
            literal += before
            if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
            parts.append(.parameter(name, quoting))
            rest = after
        }
        literal += rest
        if !literal.isEmpty { parts.append(.text(literal)) }
        return parts
    }

    /// A JSON string literal that is also safe inside `<script>` (no `</`).
    static func quote(_ text: String) -> String {
        scriptSafe(JSONText.encode(text))
    }

    /// JSON text made safe inside `<script>`: `<`, `>` and `&` can only stand inside its strings,
    /// where `\u` escapes mean the same; U+2028/2029 end a line in older JavaScript.
    static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension RunbookPageData {
    /// What the banner template adds to the runbook's entry: parameters and the JSON.
    var form: RunbookBannerView.Form {
        RunbookBannerView.Form(parameters: parameters, json: json, description: runbook.description)
    }
}
