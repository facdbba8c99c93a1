import DocketMarkdown
import Testing

@Suite struct TOCTreeTests {
    private func entries(_ levels: [Int]) -> [TOCEntry] {
        levels.enumerated().map { TOCEntry(level: $1, id: "h\($0)", title: [], text: "h\($0)") }
    }

    @Test func nestsUnderTheNearestLowerLevel() {
        let tree = TOCItem.tree(entries([2, 3, 3, 2, 3]), minLevel: 2, maxLevel: 3)
        #expect(tree.map(\.entry.id) == ["h0", "h3"])
        #expect(tree[0].children.map(\.entry.id) == ["h1", "h2"])
    }

    @Test func filteringAfterNestingLiftsChildren() {
        // h3, h2, h4 with min 3 → [h3, h4] as siblings (Docusaurus filters after treeifying).
        let tree = TOCItem.tree(entries([3, 2, 4]), minLevel: 3, maxLevel: 4)
        #expect(tree.map(\.entry.id) == ["h0", "h2"])
    }

    @Test func maxLevelDropsDeeperHeadings() {
        let tree = TOCItem.tree(entries([2, 3]), minLevel: 2, maxLevel: 2)
        #expect(tree.count == 1)
        #expect(tree[0].children.isEmpty)
    }
}
