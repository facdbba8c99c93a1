import Foundation

/// Puts back the `:::` fence text of directive markers that cmark-gfm did not read as blocks:
/// a fence indented 4 spaces or more past its container is indented code, or the continuation
/// of a paragraph, and so no directive (micromark-extension-directive allows 3 spaces). The
/// reader sees `:::tip` there as written, never docket's marker.
struct DirectiveFenceRestore: MarkdownRewriter {
    /// The fence text of each marker, by marker.
    let fenceTexts: [String: String]

    /// What both marker prefixes start with: one byte search finds either.
    static let markerStart = "<!--docket-directive-"

    static func restore(_ root: MarkdownNode, fenceTexts: [String: String]) -> MarkdownNode {
        guard !fenceTexts.isEmpty, mayHoldMarker(root) else { return root }
        var root = root
        var restore = DirectiveFenceRestore(fenceTexts: fenceTexts)
        root.rewrite(with: &restore)
        return root
    }

    /// True when a code block, HTML block or inline HTML of the tree holds a marker: the folding
    /// consumed every marker of most pages, and a read-only walk costs less than the rewrite.
    static func mayHoldMarker(_ root: MarkdownNode) -> Bool {
        withUnsafePointer(to: root) { mayHoldMarker(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// `mayHoldMarker` over nodes read in place: `contains(where:)` handed its predicate a copy
    /// of every node of the page (a retain and release of each string and children array).
    private static func mayHoldMarker(_ nodes: UnsafeBufferPointer<MarkdownNode>) -> Bool {
        for index in nodes.indices {
            switch nodes[index].kind {
            case .codeBlock(let text, _), .htmlBlock(let text), .htmlInline(let text):
                if text.holdsBytes(markerStart) { return true }
            default:
                if nodes[index].children.withUnsafeBufferPointer(mayHoldMarker) { return true }
            }
        }
        return false
    }

    mutating func rewrite(_ node: inout MarkdownNode) {
        switch node.kind {
        case .codeBlock(let literal, let info) where literal.holdsBytes(Self.markerStart):
            node.kind = .codeBlock(literal: Self.restored(literal, fenceTexts), info: info)
        case .htmlInline(let html):
            if let text = fenceTexts[html.trimmingWhitespace.description] { node.kind = .text(text) }
        case .htmlBlock(let html) where html.holdsBytes(Self.markerStart):
            // A marker that folding left in place (inside a raw HTML block) reads as its text.
            node.kind = .htmlBlock(Self.restored(html, fenceTexts))
        default:
            break
        }
        rewriteChildren(of: &node)
    }

    private static func restored(_ text: String, _ fenceTexts: [String: String]) -> String {
        var out = text
        for (marker, fence) in fenceTexts where out.holdsBytes(marker) {
            out = out.replacingOccurrences(of: marker, with: fence)
        }
        return out
    }
}
