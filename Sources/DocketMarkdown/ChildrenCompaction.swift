/// Gives every children array of a tree exactly the room its nodes take. An array built by
/// appending keeps up to as much room again unused, and a parsed page is kept until the build
/// ends: at 48 bytes a node, that room was a quarter of the memory held by node arrays.
///
/// Done in place rather than as a `MarkdownRewriter`: a rewriter takes each child out as a copy,
/// so every array below it was shared while it was looked at, and compacting it copied it once
/// for being shared and again to shrink it.
enum ChildrenCompaction {
    /// Compacts `node`'s children array and every array below it. Arrays the tree shares with
    /// another tree are copied (and so compacted) on the way, as any change to them would be.
    static func compact(_ node: inout MarkdownNode) {
        guard !node.children.isEmpty else { return }
        node.children.withUnsafeMutableBufferPointer { children in
            for index in children.indices where !children[index].children.isEmpty {
                compact(&children[index])
            }
        }
        guard node.children.capacity > node.children.count else { return }
        let children = node.children
        node.children = Array(unsafeUninitializedCapacity: children.count) { buffer, count in
            _ = buffer.initialize(from: children)
            count = children.count
        }
    }
}
