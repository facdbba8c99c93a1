import DocketDiagnostics
import DocketMarkdown
import DocketRunbooks
import DocketSite
import Foundation

/// Finds the instructions of a runbook's page that no run executes, for `--mutate`'s "not
/// checkable" count: the lines of manual steps and of reboot steps (recorded, not run, under
/// `docket check`), the lines of `norun` blocks, and commands written
/// as inline code in the prose (`sudo nano /etc/caddy/Caddyfile`). Each place counts the
/// mutants `MutationOperators` would make of its text; none of them can be killed by a run.
enum NotCheckableText {
    /// The places in page order. `text` is the page as written (front matter included, so that
    /// lines are page lines); nil when it cannot be read: then only manual steps are found.
    static func find(runbook: Runbook, page: String, text: String?) -> [UncoveredText] {
        var found: [UncoveredText] = []
        for step in runbook.steps where step.kind == .manual || step.reboot {
            let lines = step.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let count = mutantCount(lines)
            guard count > 0 else { continue }
            let first = lines.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
            found.append(
                UncoveredText(
                    location: SourceLocation(path: page, line: step.startLine + first + 1, column: 1),
                    endLine: step.startLine + lines.count, kind: step.kind == .manual ? .manualStep : .rebootStep,
                    label: step.name,
                    text: MutationOperators.shown(lines[first]), mutants: count))
        }
        if let text {
            let parsed = PageParser.parse(text: text, source: page, displayPath: page)
            let pageLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            visit(parsed.document, insideProse: false, lines: pageLines, page: page, into: &found)
        }
        return found.sorted {
            $0.location.line != $1.location.line
                ? $0.location.line < $1.location.line : $0.location.column < $1.location.column
        }
    }

    /// How many mutants the operators make of these lines (blank lines and comments make none).
    static func mutantCount(_ lines: [String]) -> Int {
        lines.reduce(0) { total, line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return total }
            return total + MutationOperators.changes(of: line).count
        }
    }

    /// Whether an inline code span reads as a command to type: a lowercase program name and at
    /// least one argument (`watch -n 1 nvidia-smi`), not a path, a value or an HTTP line.
    static func isCommand(_ code: String) -> Bool {
        let words = code.split(separator: " ")
        guard words.count >= 2, let first = words.first else { return false }
        return first.range(of: "^[a-z][a-z0-9._-]*$", options: .regularExpression) != nil
    }

    private static func visit(
        _ node: MarkdownNode, insideProse: Bool, lines: [String], page: String, into found: inout [UncoveredText]
    ) {
        switch node.kind {
        case .codeBlock(let literal, let info):
            guard let reason = info.attribute("norun"), node.range.isKnown else { return }
            var body = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if body.last == "" { body.removeLast() }
            let count = mutantCount(body)
            guard count > 0 else { return }
            let first = body.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
            found.append(
                UncoveredText(
                    location: SourceLocation(path: page, line: node.range.startLine + first + 1, column: 1),
                    endLine: node.range.startLine + body.count, kind: .norunBlock, label: reason.isEmpty ? nil : reason,
                    text: MutationOperators.shown(body[first]), mutants: count))
            return
        case .heading, .link, .image, .htmlBlock:
            return
        case .code(let code):
            guard insideProse, isCommand(code) else { return }
            // A command with nothing to change but itself (`sudo docker compose ps`) is named
            // by the prose, not instructed in detail: only spans with a flag, number, path, …
            let changes = MutationOperators.changes(of: " " + code)
            let count = changes.count
            guard changes.contains(where: { $0.0 != "drop line" }),
                let place = locate("`" + code + "`", near: node, lines: lines)
            else { return }
            found.append(
                UncoveredText(
                    location: SourceLocation(path: page, line: place.line, column: place.column + 2),
                    endLine: place.line,
                    kind: .prose, label: nil, text: MutationOperators.shown(code), mutants: count))
            return
        default:
            break
        }
        let prose: Bool
        switch node.kind {
        case .paragraph, .tableCell: prose = true
        default: prose = insideProse
        }
        for child in node.children {
            var child = child
            // cmark gives some inlines no position: they take their paragraph's, to be searched.
            if !child.range.isKnown { child.range = node.range }
            visit(child, insideProse: prose, lines: lines, page: page, into: &found)
        }
    }

    /// The page line and column (0-based) of `needle` within the node's lines.
    private static func locate(_ needle: String, near node: MarkdownNode, lines: [String]) -> (line: Int, column: Int)?
    {
        guard node.range.isKnown else { return nil }
        let last = min(max(node.range.endLine, node.range.startLine), lines.count)
        for number in node.range.startLine...max(node.range.startLine, last) where number - 1 < lines.count {
            if let range = lines[number - 1].range(of: needle) {
                return (number, lines[number - 1].distance(from: lines[number - 1].startIndex, to: range.lowerBound))
            }
        }
        return nil
    }
}
