import Foundation
import DocketDiagnostics
import DocketMarkdown
import DocketSite

/// Walks a runbook page's fenced blocks in order and turns the tagged ones into steps.
struct StepExtraction {
    let page: ParsedPage
    let parameters: [RunbookParameter]
    var steps: [RunbookStep] = []
    var diagnostics = Diagnostics()

    init(page: ParsedPage, parameters: [RunbookParameter]) {
        self.page = page
        self.parameters = parameters
    }

    mutating func run() {
        var blocks: [MarkdownNode] = []
        page.document.walk { node in
            if case .codeBlock = node.kind { blocks.append(node) }
        }
        var names = Set<String>()
        for block in blocks {
            guard case .codeBlock(let infoText, let literal) = block.kind else { continue }
            let info = CodeBlockInfo(infoText)
            let location = SourceLocation(path: page.displayPath, line: block.range.startLine, column: block.range.startColumn)
            if let reason = info.attribute("norun") {
                if reason.isEmpty { diagnostics.warning(at: location, "norun needs a reason: norun=\"why this block does not run\"") }
                continue
            }
            let isShell = RunbookExtractor.shellLanguages.contains(info.language)
            guard let name = info.attribute("step") ?? info.attribute("name") else {
                if isShell {
                    diagnostics.error(at: location, "this \(info.language) block on a runbook page is neither a step (step=NAME) nor excluded (norun=\"reason\")")
                }
                continue
            }
            if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) {
                diagnostics.error(at: location, "step name '\(name)' must be lowercase letters, digits, '-' and '_'")
                continue
            }
            if !names.insert(name).inserted {
                diagnostics.error(at: location, "a step named '\(name)' already exists on this page; step names must be unique")
                continue
            }
            if let step = step(name: name, info: info, literal: literal, block: block, location: location) {
                steps.append(step)
            }
        }
    }

    private mutating func step(name: String, info: CodeBlockInfo, literal: String, block: MarkdownNode, location: SourceLocation) -> RunbookStep? {
        var body = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
        let kind: RunbookStep.Kind
        if info.attribute("manual") != nil {
            kind = .manual
        } else if info.attribute("file") != nil {
            kind = .file
        } else if RunbookExtractor.shellLanguages.contains(info.language) {
            kind = .shell
        } else {
            diagnostics.error(at: location, "step '\(name)' is a \(info.language.isEmpty ? "plain" : info.language) block: give it file=PATH (a file step), manual (done by hand) or a shell language")
            return nil
        }

        var produces: [String] = []
        if let list = info.attribute("produces") {
            produces = list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for produced in produces where !parameters.contains(where: { $0.name == produced }) {
                diagnostics.error(at: location, "step '\(name)' produces \(produced), which is not a parameter under runbook.params")
            }
            if kind != .manual { diagnostics.error(at: location, "only manual steps can produce parameters (produces=…)") }
        }
        var timeout: Int?
        if let text = info.attribute("timeout") {
            timeout = Self.seconds(text)
            if timeout == nil { diagnostics.error(at: location, "timeout '\(text)' is not a duration (e.g. 90, 90s, 5m, 1h)") }
        }

        var used: Set<String> = []
        var file: String?, mode: RunbookStep.FileMode?, format: String?
        switch kind {
        case .shell:
            body = Self.strippingPrompts(body, language: info.language)
            let substitution = ParameterSubstitution.substitute(body, parameters: parameters)
            for problem in substitution.problems {
                diagnostics.error(at: SourceLocation(path: page.displayPath, line: block.range.startLine + problem.line,
                                                     column: block.range.startColumn + problem.column - 1), problem.message)
            }
            body = substitution.script
            // A parameter whose example could not be substituted was still meant to be used: its
            // error is reported above, not a second one saying it is unused.
            used = substitution.used.union(substitution.unsubstituted)
        case .file:
            file = info.attribute("file")
            if file?.isEmpty != false { diagnostics.error(at: location, "file= needs a path") }
            switch info.language {
            case "env", "dotenv", "ini": format = "env"
            case "yaml", "yml": format = "yaml"
            case "json": format = "json"
            default: format = "text"
            }
            if let text = info.attribute("mode") {
                mode = RunbookStep.FileMode(rawValue: text)
                if mode == nil { diagnostics.error(at: location, "mode '\(text)' is not one of upsert, write, append, verify") }
            } else {
                mode = format == "env" ? .upsert : .write
            }
            if mode == .upsert && format != "env" {
                diagnostics.error(at: location, "mode=upsert updates KEY=VALUE lines: use it on env blocks (```env)")
            }
            used = usedByText(body)
        case .manual:
            used = usedByText(body)
        }
        for produced in produces { used.insert(produced) }
        let ordered = parameters.map(\.name).filter { used.contains($0) }
        let hashInput = [kind.rawValue, name, file ?? "", mode?.rawValue ?? "", info.attribute("cwd") ?? "",
                         timeout.map(String.init) ?? "", info.attribute("confirm") != nil ? "confirm" : "", produces.joined(separator: ","), body]
            .joined(separator: "\u{1F}")
        return RunbookStep(
            name: name, title: info.title ?? name, kind: kind, body: body, file: file, mode: mode, format: format,
            cwd: info.attribute("cwd"), timeoutSeconds: timeout, confirm: info.attribute("confirm") != nil,
            produces: produces, parameters: ordered, startLine: block.range.startLine, endLine: block.range.endLine,
            hash: String(SHA256.hex(hashInput).prefix(16)))
    }

    private func usedByText(_ text: String) -> Set<String> {
        Set(parameters.filter { ($0.example.map { !$0.isEmpty && text.contains($0) }) ?? false }.map(\.name))
    }

    /// `console` blocks and blocks written entirely with `$ ` prompts: keep the commands, blank
    /// the output lines (blank, not removed, so line numbers still match the page).
    static func strippingPrompts(_ body: String, language: String) -> String {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let prompted = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard language == "console" || language == "shell-session" || (!prompted.isEmpty && prompted.allSatisfy { $0.hasPrefix("$ ") }) else {
            return body
        }
        return lines.map { $0.hasPrefix("$ ") ? String($0.dropFirst(2)) : "" }.joined(separator: "\n")
    }

    /// `90`, `90s`, `5m`, `1h` → seconds.
    static func seconds(_ text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        if let last = text.last, let unit = units[last] { return Int(text.dropLast()).map { $0 * unit } }
        return Int(text)
    }
}
