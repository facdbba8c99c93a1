import DocketDiagnostics
import DocketMarkdown
import DocketSite
import DocketYAML

/// Reads a page's `runbook:` front matter and its tagged fenced blocks into a `Runbook`, and
/// lints them. Works on the tree the site stage already parsed: no second Markdown parse.
public enum RunbookExtractor {
    static let shellLanguages: Set<String> = ["bash", "sh", "shell", "console", "zsh", "shell-session"]
    static let reservedNames: Set<String> = [
        "PATH", "HOME", "USER", "SHELL", "PWD", "OLDPWD", "IFS", "LANG", "TERM", "CI", "HOSTNAME", "UID", "EUID",
        "PPID", "RANDOM", "SECONDS", "LINENO", "TMPDIR", "LOGNAME", "MAIL", "PS1", "PS2", "PS4", "ENV", "OPTARG",
        "OPTIND",
    ]

    /// The keys of a page's `runbook:` block.
    private struct Fields: Decodable {
        var id: String?
        var title: String?
        var description: String?
        var params: YAMLNode?
    }

    /// The keys of one parameter written as a mapping.
    private struct ParameterFields: Decodable {
        var example: String?
        var description: String?
        var defaultValue: String?
        var pattern: String?
        var secret: Bool?
        var choices: StringList?

        enum CodingKeys: String, CodingKey {
            case example, description
            case defaultValue = "default"
            case pattern, secret, choices
        }
    }

    /// Extracts the runbook of `page`, or nil when the page has no `runbook:` block.
    /// - Parameter sourceLabel: the page's path as generated files name it (relative to the site
    ///   root, so the files are the same wherever docket runs).
    public static func extract(_ page: ParsedPage, sourceLabel: String) -> (Runbook?, Diagnostics) {
        guard let node = page.frontMatter.raw?["runbook"] else { return (nil, Diagnostics()) }
        var reader = YAMLReader(
            YAMLDocument(root: page.frontMatter.raw, path: page.displayPath, lineOffset: page.frontMatter.lineOffset))
        guard node.mapping != nil else {
            reader.fail(node, "'runbook' must be a mapping with id, title and params")
            return (nil, reader.diagnostics)
        }
        var diagnostics = Diagnostics()
        let (decoded, unknown) = reader.decode(Fields.self, from: node, at: ["runbook"])
        for key in unknown {
            var message = "unknown key '\(key.key)' under runbook: (id, title, description, params)"
            if let near = StepAttributes.closest(to: key.key, in: key.known) { message += "; did you mean '\(near)'?" }
            reader.diagnostics.error(at: key.location, message)
        }
        let id = decoded?.id ?? ""
        if id.isEmpty || !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) {
            reader.fail(
                node["id"] ?? node,
                "the runbook needs an 'id' of lowercase letters, digits, '-' and '_' (it names runbooks/<id>.sh)")
        }
        let title = decoded?.title ?? page.frontMatter.title ?? page.contentTitle ?? id
        let description = decoded?.description
        let parameters = Self.parameters(decoded?.params, reader: &reader)

        var extraction = StepExtraction(page: page, parameters: parameters)
        extraction.run()
        diagnostics.append(contentsOf: reader.diagnostics)
        diagnostics.append(contentsOf: extraction.diagnostics)
        diagnostics.append(contentsOf: RunbookLint.check(parameters: parameters, steps: extraction.steps, page: page))

        let runbook = Runbook(
            id: id, title: title, description: description, source: sourceLabel,
            parameters: parameters, steps: extraction.steps)
        return (runbook, diagnostics)
    }

    private static func parameters(_ node: YAMLNode?, reader: inout YAMLReader) -> [RunbookParameter] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            reader.fail(node, "'runbook.params' must map parameter names to {example, description, …}")
            return []
        }
        var result: [RunbookParameter] = []
        for pair in pairs {
            guard let name = pair.key.string else { continue }
            let location = reader.location(pair.key)
            if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") })
                || name.first!.isNumber
            {
                reader.diagnostics.error(
                    at: location,
                    "parameter name '\(name)' must be upper case letters, digits and '_' (it becomes a shell variable)")
                continue
            }
            if reservedNames.contains(name) || name.hasPrefix("DOCKET_") || name.hasPrefix("BASH") {
                reader.diagnostics.error(
                    at: location, "parameter name '\(name)' is taken by the shell or by docket; choose another")
                continue
            }
            let v = pair.value
            var parameter = RunbookParameter(
                name: name, example: nil, description: "", defaultValue: nil, pattern: nil,
                secret: false, choices: [], location: location)
            if let example = v.string, v.mapping == nil {
                parameter.example = example
            } else if v.mapping != nil {
                let (decoded, unknown) = reader.decode(ParameterFields.self, from: v, at: [name])
                parameter.example = decoded?.example
                parameter.description = decoded?.description ?? ""
                parameter.defaultValue = decoded?.defaultValue
                parameter.pattern = decoded?.pattern
                parameter.secret = decoded?.secret ?? false
                parameter.choices = decoded?.choices?.items ?? []
                for key in unknown {
                    var message =
                        "unknown key '\(key.key)' for parameter \(name) (example, description, default, pattern, secret, choices)"
                    if let near = StepAttributes.closest(to: key.key, in: key.known) {
                        message += "; did you mean '\(near)'?"
                    }
                    reader.diagnostics.error(at: key.location, message)
                }
            } else if !v.isNull {
                reader.fail(v, "parameter \(name) must be a mapping {example, description, …}")
            }
            if let example = parameter.example, example.contains("\n") {
                reader.fail(v, "the example of \(name) spans several lines; examples are single values")
            }
            result.append(parameter)
        }
        return result
    }
}
