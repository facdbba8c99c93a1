/// A node of the nested table of contents.
public struct TOCItem: Sendable {
    public var entry: TOCEntry
    public var children: [TOCItem]

    /// Nests `entries` (each under the nearest earlier heading of a lower level), then keeps only
    /// levels `min...max`, lifting the children of dropped nodes: Docusaurus's order of operations,
    /// so `h3, h2, h4` with min 3 gives the siblings `[h3, h4]`.
    public static func tree(_ entries: [TOCEntry], minLevel: Int, maxLevel: Int) -> [TOCItem] {
        var roots: [TOCItem] = []
        // Path of indices from the root to the most recent node.
        var path: [(level: Int, indexPath: [Int])] = []
        for entry in entries {
            while let last = path.last, last.level >= entry.level { path.removeLast() }
            let item = TOCItem(entry: entry, children: [])
            if let parent = path.last {
                var indexPath = parent.indexPath
                let newIndex = insert(item, at: indexPath, into: &roots)
                indexPath.append(newIndex)
                path.append((entry.level, indexPath))
            } else {
                roots.append(item)
                path.append((entry.level, [roots.count - 1]))
            }
        }
        return filter(roots, minLevel: minLevel, maxLevel: maxLevel)
    }

    private static func insert(_ item: TOCItem, at indexPath: [Int], into items: inout [TOCItem]) -> Int {
        if indexPath.count == 1 {
            items[indexPath[0]].children.append(item)
            return items[indexPath[0]].children.count - 1
        }
        return insert(item, at: Array(indexPath.dropFirst()), into: &items[indexPath[0]].children)
    }

    private static func filter(_ items: [TOCItem], minLevel: Int, maxLevel: Int) -> [TOCItem] {
        var result: [TOCItem] = []
        for var item in items {
            let children = filter(item.children, minLevel: minLevel, maxLevel: maxLevel)
            if item.entry.level < minLevel {
                result.append(contentsOf: children)
            } else if item.entry.level <= maxLevel {
                item.children = children
                result.append(item)
            }
        }
        return result
    }
}
