import DocketDiagnostics
import DocketMarkdown

/// Ties a step to a block readers see: a fenced block named with `id=NAME` can be the content
/// of a step that says `from=NAME` (and has no body of its own), so the text a reader copies is
/// the text the runbook runs, writes or checks. A block with both `id=` and `from=` passes its
/// source on, so references can chain; a chain that comes back to itself is an error.
struct BlockReferences {
    /// A fenced block of the page as the references see it.
    struct Block {
        var node: MarkdownNode
        var info: CodeBlockInfo
        var literal: String
    }

    /// Where a step's content comes from: the block that holds the text (its own block, or the
    /// end of its `from=` chain).
    struct Source {
        var node: MarkdownNode
        var literal: String
        /// The `id` of that block when the content came through `from=`.
        var id: String?
    }

    private(set) var named: [String: Block] = [:]
    /// Ids some block's `from=` names (directly), so a shell block shown only to be run by a
    /// step needs no `norun=`.
    private(set) var referenced: Set<String> = []
    let path: String

    init(blocks: [Block], path: String, diagnostics: inout Diagnostics) {
        self.path = path
        for block in blocks {
            if let id = block.info.attribute("id") {
                let location = Self.location(of: "id", in: block, path: path)
                if !Self.isValid(id) {
                    diagnostics.error(at: location, "block id '\(id)' must be letters, digits, '-' and '_' (id=NAME)")
                } else if let first = named[id] {
                    diagnostics.error(
                        at: location,
                        "a block with id '\(id)' already exists on this page (line \(first.node.range.startLine)); ids must be unique"
                    )
                } else {
                    named[id] = block
                }
            }
            if let from = block.info.attribute("from"), !from.isEmpty { referenced.insert(from) }
        }
    }

    /// The content of `block`: itself, or the block its `from=` chain ends at. Reports an
    /// empty `from=`, an unknown id, a cycle, and a block that has both a body and `from=`, each
    /// at the `from` attribute of `block`; returns nil then.
    func source(of block: Block, diagnostics: inout Diagnostics) -> Source? {
        guard let first = block.info.attribute("from") else {
            return Source(node: block.node, literal: block.literal, id: nil)
        }
        let location = Self.location(of: "from", in: block, path: path)
        if !block.literal.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            diagnostics.error(
                at: location,
                "this block has a body and from=\(first): a step takes its content from the block named by from= or from its own body, not both (leave the block empty)"
            )
            return nil
        }
        var visited: [String] = []
        var id = first
        while true {
            guard !id.isEmpty else {
                diagnostics.error(
                    at: location, "from= needs the id of a block on this page (from=NAME, where the block says id=NAME)"
                )
                return nil
            }
            if visited.contains(id) {
                diagnostics.error(
                    at: location,
                    "from=\(first) is a cycle: \((visited + [id]).joined(separator: " → ")); a chain of from= must end at a block with a body"
                )
                return nil
            }
            visited.append(id)
            guard let next = named[id] else {
                var message = "from=\(id) names no block on this page: give the displayed block id=\(id)"
                if let near = StepAttributes.closest(to: id, in: named.keys.sorted()) {
                    message += ", or did you mean '\(near)'?"
                }
                if visited.count > 1 {
                    message = "from=\(first) leads through \(visited.dropLast().joined(separator: " → ")) to " + message
                }
                diagnostics.error(at: location, message)
                return nil
            }
            guard let further = next.info.attribute("from") else {
                return Source(node: next.node, literal: next.literal, id: id)
            }
            id = further
        }
    }

    /// `deploy`, `caddy-site`, `blueprint_v2`.
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The page location of attribute `key` in the block's info string.
    static func location(of key: String, in block: Block, path: String) -> SourceLocation {
        SourceLocation(
            path: path, line: block.node.range.startLine,
            column: block.node.range.startColumn + 3 + StepExtraction.offset(of: key, in: block.info.text))
    }
}
