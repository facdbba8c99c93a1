import DocketDiagnostics
import DocketMarkdown
import DocketSite
import Foundation

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
        let described: [BlockReferences.Block] = page.document.codeBlocks.compactMap { node in
            guard case .codeBlock(let literal, let info) = node.kind else { return nil }
            return BlockReferences.Block(node: node, info: info, literal: literal)
        }
        let references = BlockReferences(blocks: described, path: page.displayPath, diagnostics: &diagnostics)
        var names = Set<String>()
        for described in described {
            let block = described.node, info = described.info, infoText = info.text
            let location = SourceLocation(
                path: page.displayPath, line: block.range.startLine, column: block.range.startColumn)
            if let reason = info.attribute("norun") {
                if reason.isEmpty {
                    diagnostics.warning(at: location, "norun needs a reason: norun=\"why this block does not run\"")
                }
                continue
            }
            let isShell = RunbookExtractor.shellLanguages.contains(info.language)
            guard let name = info.attribute("step") ?? info.attribute("name") else {
                // A displayed block that a step takes its content from is run through that step.
                let shown = info.attribute("id").map { references.referenced.contains($0) } ?? false
                if isShell && !shown && info.attribute("from") == nil {
                    diagnostics.error(
                        at: location,
                        "this \(info.language) block on a runbook page is neither a step (step=NAME) nor excluded (norun=\"reason\")"
                    )
                }
                if info.attribute("from") != nil {
                    if info.attribute("id") == nil {
                        diagnostics.error(
                            at: BlockReferences.location(of: "from", in: described, path: page.displayPath),
                            "from= gives a step the content of a displayed block: add step=NAME to this block, or remove from="
                        )
                    } else {
                        _ = references.source(of: described, diagnostics: &diagnostics)
                    }
                }
                continue
            }
            if name.isEmpty
                || !name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") })
            {
                diagnostics.error(at: location, "step name '\(name)' must be lowercase letters, digits, '-' and '_'")
                continue
            }
            if !names.insert(name).inserted {
                diagnostics.error(
                    at: location, "a step named '\(name)' already exists on this page; step names must be unique")
                continue
            }
            let fence = block.range.startColumn + 3
            StepAttributes.check(
                info, kind: Self.kind(info),
                at: { key in
                    SourceLocation(
                        path: page.displayPath, line: block.range.startLine,
                        column: fence + Self.offset(of: key, in: infoText))
                }, into: &diagnostics)
            guard let source = references.source(of: described, diagnostics: &diagnostics) else { continue }
            if let step = step(name: name, info: info, source: source, fence: block, location: location) {
                steps.append(step)
            }
        }
    }

    /// The step of block `fence`, whose text is `source` (the block itself, or the displayed
    /// block its `from=` names: line numbers then follow that block, where the text is).
    private mutating func step(
        name: String, info: CodeBlockInfo, source: BlockReferences.Source, fence: MarkdownNode, location: SourceLocation
    ) -> RunbookStep? {
        let literal = source.literal, block = source.node
        var body = literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
        let kind: RunbookStep.Kind
        if info.attribute("manual") != nil {
            kind = .manual
        } else if info.attribute("file") != nil {
            kind = .file
        } else if RunbookExtractor.shellLanguages.contains(info.language) {
            kind = .shell
        } else {
            diagnostics.error(
                at: location,
                "step '\(name)' is a \(info.language.isEmpty ? "plain" : info.language) block: give it file=PATH (a file step), manual (done by hand) or a shell language"
            )
            return nil
        }

        var produces: [String] = []
        if let list = info.attribute("produces") {
            produces = list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            for produced in produces where !parameters.contains(where: { $0.name == produced }) {
                diagnostics.error(
                    at: location, "step '\(name)' produces \(produced), which is not a parameter under runbook.params")
            }
            if kind != .manual {
                diagnostics.error(at: location, "only manual steps can produce parameters (produces=…)")
            }
        }
        var timeout: Int?
        if let text = info.attribute("timeout") {
            var location = location
            if case .codeBlock(_, let fenceInfo) = fence.kind {
                location.column += 3 + Self.offset(of: "timeout", in: fenceInfo.text)
            }
            switch StepAttributes.seconds(text) {
            case .success(let seconds): timeout = seconds
            case .failure(.notADuration):
                diagnostics.error(at: location, "timeout '\(text)' is not a duration (e.g. 90, 90s, 5m, 1h)")
            case .failure(.outOfRange):
                diagnostics.error(at: location, "timeout '\(text)' is out of range: give 1 second to 7 days (168h)")
            }
        }

        var used: Set<String> = []
        var parts: [TemplatePart] = []
        var file: String?, mode: RunbookStep.FileMode?, format: String?
        switch kind {
        case .shell:
            body = Self.strippingPrompts(body, language: info.language)
            let substitution = ParameterSubstitution.substitute(body, parameters: parameters)
            for problem in substitution.problems {
                diagnostics.error(
                    at: SourceLocation(
                        path: page.displayPath, line: block.range.startLine + problem.line,
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
                if mode == nil {
                    diagnostics.error(at: location, "mode '\(text)' is not one of upsert, write, append, verify")
                }
            } else {
                mode = format == "env" ? .upsert : .write
            }
            if mode == .upsert && format != "env" {
                diagnostics.error(at: location, "mode=upsert updates KEY=VALUE lines: use it on env blocks (```env)")
            }
            parts = TemplatePart.split(body, parameters: parameters)
            used = Self.parameters(in: parts)
        case .manual:
            parts = TemplatePart.split(body, parameters: parameters)
            used = Self.parameters(in: parts)
        }
        let reboot = info.attribute("reboot") != nil
        for produced in produces { used.insert(produced) }
        let ordered = parameters.map(\.name).filter { used.contains($0) }
        let hashInput =
            [
                kind.rawValue, name, file ?? "", mode?.rawValue ?? "", info.attribute("cwd") ?? "",
                timeout.map(String.init) ?? "", info.attribute("confirm") != nil ? "confirm" : "",
                produces.joined(separator: ","), body,
            ]
            .joined(separator: "\u{1F}") + (reboot ? "\u{1F}reboot" : "")
        return RunbookStep(
            name: name, title: info.title ?? name, kind: kind, body: body, parts: parts, file: file, mode: mode,
            format: format,
            cwd: info.attribute("cwd"), timeoutSeconds: timeout, confirm: info.attribute("confirm") != nil,
            reboot: reboot,
            produces: produces, parameters: ordered, startLine: block.range.startLine, endLine: block.range.endLine,
            hash: String(SHA256.hex(hashInput).prefix(16)), from: source.id, fenceLine: fence.range.startLine,
            startColumn: block.range.startColumn, literal: literal)
    }

    private static func parameters(in parts: [TemplatePart]) -> Set<String> {
        Set(parts.compactMap { if case .parameter(let name) = $0 { name } else { nil } })
    }

    /// The kind the attributes ask for, before the step is built (nil: not decidable).
    private static func kind(_ info: CodeBlockInfo) -> RunbookStep.Kind? {
        if info.attribute("manual") != nil { return .manual }
        if info.attribute("file") != nil { return .file }
        return RunbookExtractor.shellLanguages.contains(info.language) ? .shell : nil
    }

    /// 0-based character offset of attribute `key` in the info string (where the word starts).
    static func offset(of key: String, in info: String) -> Int {
        let characters = Array(info)
        let needle = Array(key)
        var i = 0
        while i + needle.count <= characters.count {
            let atStart =
                i == 0 || characters[i - 1] == " " || characters[i - 1] == "\t" || characters[i - 1] == "{"
                || characters[i - 1] == ","
            let after = i + needle.count
            let atEnd =
                after == characters.count || characters[after] == "=" || characters[after] == " "
                || characters[after] == "\t" || characters[after] == "}" || characters[after] == ","
            if atStart && atEnd && Array(characters[i..<after]) == needle { return i }
            i += 1
        }
        return 0
    }

    /// `console` blocks and blocks written entirely with `$ ` prompts: keep the commands, blank
    /// the output lines (blank, not removed, so line numbers still match the page).
    static func strippingPrompts(_ body: String, language: String) -> String {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let prompted = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard
            language == "console" || language == "shell-session"
                || (!prompted.isEmpty && prompted.allSatisfy { $0.hasPrefix("$ ") })
        else {
            return body
        }
        return lines.map { $0.hasPrefix("$ ") ? String($0.dropFirst(2)) : "" }.joined(separator: "\n")
    }

}
