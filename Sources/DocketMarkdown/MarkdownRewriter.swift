/// Changes a `MarkdownNode` tree: the rewriting counterpart of `MarkdownWalker`.
/// `MarkdownNode.rewrite(with:)` hands the rewriter the root; the default `rewrite` rewrites the
/// children (`rewriteChildren(of:)`), so an implementation changes the kinds it cares about and
/// calls `rewriteChildren(of:)` where it wants to go on below (before or after its own change).
///
/// Unchanged subtrees are not copied. A tree that shares its arrays with another (a copy of a
/// page's parsed tree) copies only the arrays on the way to a node that changed: each child is
/// rewritten as a copy and written back only when it differs, because writing through
/// `children[index]` unconditionally would make every shared array of the tree unique, and a
/// site would hold each page twice.
public protocol MarkdownRewriter {
    /// Rewrites one node in place (its kind, range or children). The default rewrites its children.
    mutating func rewrite(_ node: inout MarkdownNode)
}

extension MarkdownRewriter {
    @inlinable
    public mutating func rewrite(_ node: inout MarkdownNode) {
        rewriteChildren(of: &node)
    }

    /// Rewrites each child of `node`, writing back only the children that changed.
    @inlinable
    public mutating func rewriteChildren(of node: inout MarkdownNode) {
        for index in node.children.indices {
            var child = node.children[index]
            let before = NodeSnapshot(child)
            rewrite(&child)
            if !before.isUnchanged(child) { node.children[index] = child }
        }
    }
}

extension MarkdownNode {
    /// Rewrites this node and, as the rewriter descends, its descendants.
    @inlinable
    public mutating func rewrite<Rewriter: MarkdownRewriter>(with rewriter: inout Rewriter) {
        rewriter.rewrite(&self)
    }
}

/// What a rewrite may change in one node, taken before it: the kind, the range and which
/// children array the node holds (a changed descendant gives it a new array).
@usableFromInline
struct NodeSnapshot {
    @usableFromInline let kind: MarkdownNode.Kind
    @usableFromInline let range: SourceRange
    @usableFromInline let children: UnsafeRawPointer?
    @usableFromInline let count: Int

    @inlinable
    init(_ node: MarkdownNode) {
        kind = node.kind
        range = node.range
        children = node.children.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        count = node.children.count
    }

    /// True when `node` is certainly what was snapshotted; false may also mean "not compared"
    /// (an MDX element), which costs only a copy of the arrays above it.
    @inlinable
    func isUnchanged(_ node: MarkdownNode) -> Bool {
        range == node.range && count == node.children.count
            && children == node.children.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            && Self.sameKind(kind, node.kind)
    }

    @usableFromInline
    static func sameKind(_ a: MarkdownNode.Kind, _ b: MarkdownNode.Kind) -> Bool {
        switch (a, b) {
        case (.document, .document), (.blockQuote, .blockQuote), (.paragraph, .paragraph),
             (.thematicBreak, .thematicBreak), (.tableCell, .tableCell), (.directiveTitle, .directiveTitle),
             (.softBreak, .softBreak), (.lineBreak, .lineBreak), (.emphasis, .emphasis), (.strong, .strong),
             (.strikethrough, .strikethrough):
            return true
        case let (.list(o1, s1, t1), .list(o2, s2, t2)): return o1 == o2 && s1 == s2 && t1 == t2
        case let (.item(t1), .item(t2)): return t1 == t2
        case let (.codeBlock(l1, i1), .codeBlock(l2, i2)): return i1 == i2 && l1 == l2
        case let (.htmlBlock(x), .htmlBlock(y)), let (.text(x), .text(y)), let (.code(x), .code(y)),
             let (.htmlInline(x), .htmlInline(y)), let (.footnoteDefinition(x), .footnoteDefinition(y)),
             let (.footnoteReference(x), .footnoteReference(y)):
            return x == y
        case let (.heading(i1, l1), .heading(i2, l2)): return l1 == l2 && i1 == i2
        case let (.table(a1), .table(a2)): return a1 == a2
        case let (.tableRow(h1), .tableRow(h2)): return h1 == h2
        case let (.directive(d1), .directive(d2)): return d1.name == d2.name && d1.fenceLength == d2.fenceLength
        case let (.link(d1, t1), .link(d2, t2)), let (.image(d1, t1), .image(d2, t2)): return d1 == d2 && t1 == t2
        default:
            return false
        }
    }
}
