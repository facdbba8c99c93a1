/// Reads a `MarkdownNode` tree without changing it: the summarising counterpart of
/// `MarkdownRewriter`. A walker is a value (usually a small struct) that gathers what it finds in
/// its own properties; `MarkdownNode.walk(with:)` hands it every node in document order.
///
/// The tree's kinds are cases of one enum, so there is one `visit` requirement and a walker
/// switches on `node.kind`, where a class-per-element tree would have a method per kind. The
/// default `visit` only descends; an implementation that handles some kinds calls
/// `descend(into:)` itself to go on below a node, and leaves it out to skip that subtree.
/// Walkers are called through generics, never through an existential, and the descent is
/// `@inlinable` so that it is specialised per walker type in the modules that define walkers: a
/// build walks every node of every page several times.
public protocol MarkdownWalker {
    /// Visits one node. The default visits its children in order.
    mutating func visit(_ node: MarkdownNode)
}

extension MarkdownWalker {
    @inlinable
    public mutating func visit(_ node: MarkdownNode) {
        descend(into: node)
    }

    /// Visits the children of `node`, in order (a directive's title first, as it is its first child).
    /// Each child is borrowed from the array: `for child in node.children` copied every node it
    /// passed (retaining its payload and children), a tenth of a build's time.
    @inlinable
    public mutating func descend(into node: MarkdownNode) {
        node.children.withUnsafeBufferPointer { children in
            for index in children.indices { visit(children[index]) }
        }
    }
}

extension MarkdownNode {
    /// Hands this node and, as the walker descends, its descendants to `walker`.
    @inlinable
    public func walk<Walker: MarkdownWalker>(with walker: inout Walker) {
        walker.visit(self)
    }

    /// Calls `visit` on this node and every descendant in document order. A convenience for
    /// tests and one-off reads; the pipeline's stages are `MarkdownWalker`s.
    public func walk(_ visit: (MarkdownNode) -> Void) {
        withoutActuallyEscaping(visit) { visit in
            var walker = ClosureWalker(body: visit)
            walk(with: &walker)
        }
    }

    /// True when this node or a descendant satisfies `predicate`; stops at the first one.
    /// Children are borrowed from their arrays, not copied.
    public func contains(where predicate: (MarkdownNode) -> Bool) -> Bool {
        if predicate(self) { return true }
        return children.withUnsafeBufferPointer { children in
            children.contains { $0.contains(where: predicate) }
        }
    }

    /// True when this node or a block below it satisfies `predicate`, looking only into block
    /// containers (`mayHoldBlocks`): for questions about blocks (code blocks, HTML blocks,
    /// headings), which no paragraph, heading or table holds, without passing every inline.
    public func containsBlock(where predicate: (MarkdownNode) -> Bool) -> Bool {
        if predicate(self) { return true }
        guard mayHoldBlocks else { return false }
        return children.withUnsafeBufferPointer { children in
            children.contains { $0.containsBlock(where: predicate) }
        }
    }
}

/// The walker behind the closure `walk`.
private struct ClosureWalker: MarkdownWalker {
    let body: (MarkdownNode) -> Void

    mutating func visit(_ node: MarkdownNode) {
        body(node)
        descend(into: node)
    }
}
