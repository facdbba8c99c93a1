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

    /// Rewrites the children of `node` for which `visit` is true, and leaves the others as they
    /// are without taking them out: a rewriter that changes only blocks need not copy and
    /// compare every inline of the page (each was a copy, a snapshot and two releases).
    @inlinable
    public mutating func rewriteChildren(of node: inout MarkdownNode, where visit: (MarkdownNode) -> Bool) {
        for index in node.children.indices where visit(node.children[index]) {
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
        case (.list(let o1, let s1, let t1), .list(let o2, let s2, let t2)): return o1 == o2 && s1 == s2 && t1 == t2
        case (.item(let t1), .item(let t2)): return t1 == t2
        case (.codeBlock(let l1, let i1), .codeBlock(let l2, let i2)): return i1 == i2 && l1 == l2
        case (.htmlBlock(let x), .htmlBlock(let y)), (.text(let x), .text(let y)), (.code(let x), .code(let y)),
            (.htmlInline(let x), .htmlInline(let y)), (.footnoteDefinition(let x), .footnoteDefinition(let y)),
            (.footnoteReference(let x), .footnoteReference(let y)):
            return x == y
        case (.heading(let i1, let l1), .heading(let i2, let l2)): return l1 == l2 && i1 == i2
        case (.table(let a1), .table(let a2)): return a1 == a2
        case (.tableRow(let h1), .tableRow(let h2)): return h1 == h2
        case (.directive(let d1), .directive(let d2)): return d1.name == d2.name && d1.fenceLength == d2.fenceLength
        case (.link(let d1, let t1), .link(let d2, let t2)), (.image(let d1, let t1), .image(let d2, let t2)):
            return d1 == d2 && t1 == t2
        default:
            return false
        }
    }
}
