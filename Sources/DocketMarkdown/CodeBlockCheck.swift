import DocketDiagnostics

/// Reports what `CodeBlockInfo` could not accept in a fenced block's info string, at the block.
enum CodeBlockCheck {
    static func check(_ root: MarkdownNode, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        root.walk { node in
            guard case .codeBlock(let info, _) = node.kind else { return }
            for problem in info.problems {
                found.append(.error(at: SourceLocation(path: path, line: node.range.startLine, column: node.range.startColumn), problem))
            }
        }
        return found
    }
}
