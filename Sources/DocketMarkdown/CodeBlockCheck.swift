import DocketDiagnostics

/// Reports what `CodeBlockInfo` could not accept in a fenced block's info string, at the block.
struct CodeBlockCheck: MarkdownWalker {
    let path: String
    private(set) var found: [Diagnostic] = []

    static func check(_ root: MarkdownNode, path: String) -> [Diagnostic] {
        var check = CodeBlockCheck(path: path)
        root.walk(with: &check)
        return check.found
    }

    mutating func visit(_ node: MarkdownNode) {
        guard case .codeBlock(_, let info) = node.kind else { return descend(into: node) }
        for problem in info.problems {
            found.append(
                .error(
                    at: SourceLocation(path: path, line: node.range.startLine, column: node.range.startColumn), problem)
            )
        }
    }
}
